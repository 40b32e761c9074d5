#!/usr/bin/env bash
# Long-life run of the sync daemon (issue 12): one real `pestor-sync sync`
# daemon against a real nginx over HTTPS for N cycles (default 10,000) with
# changing feeds and injected faults; fails if its open fds, RSS or state
# folder grow after the first 100 cycles (tests/soak/sync_soak.cpp says how).
# ctest runs a 300-cycle version (sync-soak-short).
#
#   tools/sync-soak.sh [--cycles N] [--seed S] [--keep] [other pestor-sync-soak options]
#
# Builds only what it needs (pestor-sync, pestor-feed, pestor-demo-gen and
# the soak driver) into BUILD_DIR (default build), JOBS at a time (default 1).
# Needs nginx-light and openssl (tools/deps.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build}"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"${JOBS:-1}" --target pestor-sync-soak >/dev/null
has_cycles=0
for a in "$@"; do [ "$a" = "--cycles" ] && has_cycles=1; done
if [ "$has_cycles" = 0 ]; then set -- --cycles 10000 "$@"; fi
exec "$build/tests/soak/pestor-sync-soak" "$@"
