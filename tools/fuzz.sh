#!/usr/bin/env bash
# Longer fuzzing runs than ctest's fuzz-short: builds the libFuzzer targets
# (clang, ASan + UBSan; tests/fuzz/README.md) and runs each for
# SECONDS_PER_TARGET (default 300), as many at a time as there are cores.
#
#   tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     targets: manifest geojson csv image
#
# Inputs that add coverage are kept in build/fuzz-work/TARGET/corpus and
# reused by the next run (the committed seeds in tests/fuzz/corpus are only
# read). A crash, leak, timeout or broken invariant is reported with the
# path of the input that reproduces it and the command that re-runs it; the
# exit status is then 1.
#
# Environment: BUILD_DIR (default build), FUZZ_WORK (default
# BUILD_DIR/fuzz-work), FUZZ_JOBS (default: the number of cores), FUZZ_FLAGS
# (extra libFuzzer flags, e.g. "-use_value_profile=1 -max_len=65536").
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=300
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then seconds="$1"; shift; fi
build="${BUILD_DIR:-build}"
work="${FUZZ_WORK:-$build/fuzz-work}"
fuzz_build="$build/fuzz-build"

cxx="$(command -v clang++ || command -v clang++-14 || true)"
cc="$(command -v clang || command -v clang-14 || true)"
if [ -z "$cxx" ] || [ -z "$cc" ]; then
  echo "fuzz: clang++ not found; install the Debian packages clang and libclang-rt-14-dev (tools/deps.sh does)" >&2
  exit 1
fi

# The same directory the main build's ExternalProject uses, so whichever
# builds first saves the other the work. An existing build keeps its
# generator and target list.
echo "fuzz: building the fuzz targets in $fuzz_build"
cmake -S tests/fuzz/standalone -B "$fuzz_build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" >/dev/null
cmake --build "$fuzz_build" -j"$(nproc)" >/dev/null

flags=()
for f in ${FUZZ_FLAGS:-}; do flags+=(--flag "$f"); done
status=0
bash tests/fuzz/run_fuzzers.sh --bin-dir "$fuzz_build/bin" --work-dir "$work" --seconds "$seconds" \
  --jobs "${FUZZ_JOBS:-$(nproc)}" ${flags[@]+"${flags[@]}"} "$@" || status=$?

if [ "$status" -eq 0 ]; then
  echo "fuzz: no crashes. To fold the new inputs into the committed seeds (keep each target under 50 KB):"
  echo "  $fuzz_build/bin/fuzz_TARGET -merge=1 -max_len=4096 tests/fuzz/corpus/TARGET $work/TARGET/corpus"
else
  echo "fuzz: FAILED. Keep each fixed reproducer in tests/fuzz/regressions/TARGET/ so fuzz-short runs it every time."
fi
exit "$status"
