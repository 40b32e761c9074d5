#!/usr/bin/env bash
# Runs libFuzzer targets on their seed corpora for a fixed time each and
# reports every crash with the input that reproduces it. Used by the ctest
# test fuzz-short and by tools/fuzz.sh.
#
#   run_fuzzers.sh --bin-dir DIR --work-dir DIR [--seconds N] [--jobs N]
#                  [--seeds DIR] [--fresh] [--flag -libfuzzer_flag=V ...] [TARGET...]
#
# TARGET is a name (manifest, geojson, ...); default: every target listed in
# BIN_DIR/../fuzz-targets.txt. For each target, WORK_DIR/TARGET/ holds:
#   corpus/     inputs the fuzzer found that add coverage (kept across runs;
#               the seeds in SEEDS/TARGET and the inputs that once crashed,
#               tests/fuzz/regressions/TARGET, are read, never written)
#   artifacts/  crash-*, leak-*, timeout-*, oom-* reproducers
#   log         libFuzzer's output
# --fresh empties WORK_DIR first. Exit status: 0 when no target failed.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
bin_dir="" work_dir="" seconds=10 jobs="$(nproc)" seeds="$script_dir/corpus" fresh=0
extra=()
targets=()
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --bin-dir) bin_dir="$2"; shift 2 ;;
    --work-dir) work_dir="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --seeds) seeds="$2"; shift 2 ;;
    --fresh) fresh=1; shift ;;
    --flag) extra+=("$2"); shift 2 ;;
    -h|--help) usage ;;
    -*) echo "run_fuzzers: unknown option $1" >&2; usage ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ -n "$bin_dir" ] && [ -n "$work_dir" ] || usage
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || { echo "run_fuzzers: --seconds needs a positive number" >&2; exit 2; }

if [ ${#targets[@]} -eq 0 ]; then
  list="$bin_dir/../fuzz-targets.txt"
  [ -f "$list" ] || { echo "run_fuzzers: $list missing: build the fuzz targets first" >&2; exit 2; }
  while read -r t; do [ -n "$t" ] && targets+=("${t#fuzz_}"); done <"$list"
fi

# A target that is missing is a failure, not a skip: the build should have made it.
for t in "${targets[@]}"; do
  [ -x "$bin_dir/fuzz_$t" ] || { echo "run_fuzzers: $bin_dir/fuzz_$t not built (cmake --build the project, or tools/fuzz.sh)" >&2; exit 2; }
  [ -d "$seeds/$t" ] || { echo "run_fuzzers: no seed corpus $seeds/$t" >&2; exit 2; }
done

[ "$fresh" -eq 1 ] && rm -rf "$work_dir"
mkdir -p "$work_dir"

# Stack traces for UBSan reports too; ASan's defaults already abort.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

run_one() {
  local t="$1" dir="$work_dir/$1"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  local args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
              -artifact_prefix="$dir/artifacts/")
  [ -f "$script_dir/dict/$t.dict" ] && args+=(-dict="$script_dir/dict/$t.dict")
  # New inputs go to the first directory; seeds and regressions are only
  # read, and libFuzzer runs every one of them before it mutates anything.
  local dirs=("$dir/corpus" "$seeds/$t")
  [ -d "$script_dir/regressions/$t" ] && dirs+=("$script_dir/regressions/$t")
  "$bin_dir/fuzz_$t" "${args[@]}" ${extra[@]+"${extra[@]}"} "${dirs[@]}" >"$dir/log" 2>&1
}

summarise() {
  local t="$1" rc="$2" dir="$work_dir/$1"
  local found=() f
  for f in "$dir"/artifacts/*; do [ -e "$f" ] && found+=("$f"); done
  if [ "$rc" -eq 0 ] && [ ${#found[@]} -eq 0 ]; then
    local runs done_line new
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)"
    done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$dir/log" | tail -1 | sed -E 's/^#[0-9]+[[:space:]]+DONE[[:space:]]+//; s/ (lim|exec\/s):.*//')"
    new="$(find "$dir/corpus" -type f | wc -l)"
    printf 'fuzz_%-8s ok      %s runs in %ss; %s; %s new input(s) in %s\n' "$t" "${runs:-?}" "$seconds" \
      "${done_line:-?}" "$new" "$dir/corpus"
    return 0
  fi
  printf 'fuzz_%-8s FAILED  exit status %s; log %s\n' "$t" "$rc" "$dir/log"
  for f in ${found[@]+"${found[@]}"}; do
    printf '  reproducer: %s\n  re-run:     %s %s\n' "$f" "$bin_dir/fuzz_$t" "$f"
  done
  # The report: from its first line (an uncaught exception, a sanitizer or
  # an invariant message), at most 40 lines, each cut at 300 characters
  # (nlohmann::json frames are long).
  echo "  --- from the log:"
  local first
  first="$(grep -n -m1 -E 'terminate called|uncaught exception|pestor-fuzz: invariant|runtime error:|==[0-9]+==ERROR|ERROR: libFuzzer' "$dir/log" | cut -d: -f1)"
  tail -n "+${first:-1}" "$dir/log" | head -40 | cut -c1-300 | sed 's/^/  | /'
  return 1
}

echo "run_fuzzers: ${targets[*]} for ${seconds}s each, $jobs at a time; work dir $work_dir"
declare -A pid_of=()
status=0
finish() { # waits for target $1 and reports it
  local rc=0
  wait "${pid_of[$1]}" || rc=$?
  summarise "$1" "$rc" || status=1
}
running=()
for t in "${targets[@]}"; do
  if [ ${#running[@]} -ge "$jobs" ]; then
    finish "${running[0]}"
    running=("${running[@]:1}")
  fi
  run_one "$t" &
  pid_of[$t]=$!
  running+=("$t")
done
for t in ${running[@]+"${running[@]}"}; do finish "$t"; done
exit "$status"
