#!/usr/bin/env bash
# Quick start, part 2: install what is missing, build, run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/deps.sh
./tools/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
