#!/usr/bin/env bash
# Long crash-safety run: kill -9 pestor-sync at POINTS random moments of a
# sync of ENTITIES entities (defaults 3000 and 5000), checking after each that
# the cache holds exactly the old or the new feed. The test suite runs 200.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/build.sh
PESTOR_CRASH_POINTS="${1:-3000}" PESTOR_CRASH_ENTITIES="${2:-5000}" ./build/tests/sync/sync-crash
