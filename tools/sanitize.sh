#!/usr/bin/env bash
# Builds the project with sanitizers and runs its tests there.
#
#   tools/sanitize.sh asan [CTEST ARGS...]   ASan + UBSan + LSan, the whole suite   (build-asan/)
#   tools/sanitize.sh tsan [CTEST ARGS...]   TSan, every test that starts threads (build-tsan/)
#
# Any report fails its test (halt_on_error / -fno-sanitize-recover). The only
# suppressions are for libraries we do not own: tests/sanitizers/*.supp.
# Called by tools/run-tests.sh after the normal build and suite.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-}"; shift || true
root="$PWD"
supp="$root/tests/sanitizers"
jobs="$(nproc)"

case "$kind" in
asan)
  dir=build-asan
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPESTOR_SANITIZE=address -DPESTOR_FUZZ=OFF >/dev/null
  cmake --build "$dir" -j"$jobs"
  export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:detect_invalid_pointer_pairs=0"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
  # Packaging (cpack, lintian) checks files, not code paths: it runs in the
  # normal build only. Fuzz targets are built with ASan+UBSan by clang there too.
  ctest --test-dir "$dir" --output-on-failure -j"$jobs" -LE "fuzz|package" "$@"
  ;;
tsan)
  dir=build-tsan
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPESTOR_SANITIZE=thread -DPESTOR_FUZZ=OFF >/dev/null
  cmake --build "$dir" -j"$jobs" --target pestor-threaded-tests
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp"
  ctest --test-dir "$dir" --output-on-failure -j"$jobs" -L threads "$@"
  ;;
*)
  echo "usage: tools/sanitize.sh asan|tsan [ctest args...]" >&2
  exit 2
  ;;
esac
