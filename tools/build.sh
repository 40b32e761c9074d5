#!/usr/bin/env bash
# Configures and builds into ./build (RelWithDebInfo). Used by run-demo.sh and
# run-tests.sh; safe to run again (incremental).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
