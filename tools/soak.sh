#!/usr/bin/env bash
# A long run of the real kiosk: the seeded monkey (pestor-kiosk --monkey)
# drives every screen under Xvfb with software GL while the cache is
# replaced beneath it every few seconds through the real path (pestor-feed
# build, then pestor-sync applying the signed feed), cycling through the
# demo data, 10,000 entities, one record, no records and the hostile set.
#
#   tools/soak.sh [--minutes M] [--seed N] [--build DIR] [--size WxH]
#                 [--swap-seconds S] [--out DIR]
#                 [--min-actions N] [--min-swaps N]
#
# Defaults: 120 minutes, a seed from the clock (printed), build/, 1280x800,
# a swap every 8 s, output in DIR (default build/soak-SEED): the kiosk's log
# with a JSON report line a minute, the sync log, the input played
# (monkey.script, replayable with --script). Fails (exit 1) on a crash, a
# sanitizer report in any process, a sync that failed, or fewer actions,
# swaps or screens than asked. The test suite runs a short one (soak-short).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

minutes=120
seed=$(date +%s)
build=build
size=1280x800
swap_seconds=8
out=""
min_actions=0
min_swaps=0
while [ $# -gt 0 ]; do
  case "$1" in
  --minutes) minutes=$2; shift 2 ;;
  --seed) seed=$2; shift 2 ;;
  --build) build=$2; shift 2 ;;
  --size) size=$2; shift 2 ;;
  --swap-seconds) swap_seconds=$2; shift 2 ;;
  --out) out=$2; shift 2 ;;
  --min-actions) min_actions=$2; shift 2 ;;
  --min-swaps) min_swaps=$2; shift 2 ;;
  *) echo "soak: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] || out="$build/soak-$seed"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
case "$out" in /*) ;; *) out="$root/$out" ;; esac
kiosk="$build/kiosk/app/pestor-kiosk"
feed="$build/sync/cli/pestor-feed"
sync="$build/sync/cli/pestor-sync"
gen="$build/sync/demo/pestor-demo-gen"
for b in "$kiosk" "$feed" "$sync" "$gen"; do
  [ -x "$b" ] || { echo "soak: $b is not built (tools/build.sh or tools/sanitize.sh)" >&2; exit 2; }
done
echo "soak: seed $seed, $minutes min, $size, a data swap every ${swap_seconds}s, output in $out"

rm -rf "$out" && mkdir -p "$out/sets" "$out/state"
cache="$out/cache.sqlite"

# [SECTION] The data sets, each a source folder for pestor-feed.
sets=(demo big one zero hostile)
cp -r assets/demo "$out/sets/demo" && rm -f "$out/sets/demo/README.md"
"$gen" --basemap assets/demo/basemap.geojson --out "$out/sets/big" --entities 10000 >/dev/null
"$gen" --basemap assets/demo/basemap.geojson --out "$out/sets/hostile" --set hostile >/dev/null
mkdir -p "$out/sets/one" "$out/sets/zero"
for f in "$out"/sets/demo/*.geojson; do
  name=$(basename "$f")
  # Every collection present and empty: the feed empties it on the terminal.
  echo '{"type":"FeatureCollection","features":[]}' >"$out/sets/zero/$name"
  echo '{"type":"FeatureCollection","features":[]}' >"$out/sets/one/$name"
done
{ echo '{"type":"FeatureCollection","features":['; cat tests/data/single-feature.geojson; echo ']}'; } \
  >"$out/sets/one/entities.geojson"

# [SECTION] Feed and terminal
"$feed" keygen --public "$out/feed.pub" --secret "$out/feed.key" >/dev/null
swap() { # $1: set name; appends to sync.log, returns the sync's status
  "$feed" build --skip-invalid --key "$out/feed.key" "$out/sets/$1" "$out/feed" >>"$out/feed.log" 2>&1 &&
    "$sync" sync --once --allow-file --cache "$cache" --state-dir "$out/state" \
      --feed "file://$out/feed" --key "$out/feed.pub" >>"$out/sync.log" 2>&1
}
swap demo || { echo "soak: the first sync failed:"; tail -5 "$out/sync.log"; exit 1; }

pin=2468
hash=$(echo "$pin" | "$kiosk" --hash-pin)
cat >"$out/kiosk.toml" <<TOML
[session]
idle_timeout_seconds = 20
still_there_seconds = 5
[signage]
enabled = true
[admin]
pin_hash = "$hash"
sync_request_file = "$out/sync-request"
TOML

# [SECTION] The run
w=${size%x*}; h=${size#*x}
LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 ${w}x${h}x24" \
  "$kiosk" --cache "$cache" --assets assets --size "$size" --config "$out/kiosk.toml" \
  --monkey "$seed" --monkey-minutes "$minutes" --monkey-pin "$pin" --monkey-log "$out/monkey.script" \
  >"$out/kiosk.out" 2>"$out/kiosk.log" &
kiosk_pid=$!

swaps=0 failed_swaps=0 i=0
while kill -0 "$kiosk_pid" 2>/dev/null; do
  sleep "$swap_seconds"
  kill -0 "$kiosk_pid" 2>/dev/null || break
  i=$(( (i + 1) % ${#sets[@]} ))
  if swap "${sets[$i]}"; then swaps=$((swaps + 1)); else failed_swaps=$((failed_swaps + 1)); fi
  [ $((swaps % 20)) -eq 0 ] && "$feed" prune "$out/feed" >/dev/null
done
kiosk_status=0
wait "$kiosk_pid" || kiosk_status=$?

# [SECTION] Verdict
summary=$(grep '"monkey":"summary"' "$out/kiosk.log" | tail -1 || true)
num() { echo "$summary" | grep -o "\"$1\":[0-9.]*" | head -1 | cut -d: -f2; }
actions=$(num actions); frames=$(num frames)
echo "soak: seed $seed: kiosk exit $kiosk_status, $frames frames, $actions actions, $swaps data swaps ($failed_swaps failed)"
echo "soak: rss $(num rss_kib_first_report) KiB at the first report, $(num rss_kib) KiB at the end;" \
  "frame p99 $(num frame_ms_p99) ms, max $(num frame_ms_max) ms (data loads: $(num data_load_frame_ms_max) ms)"
echo "soak: screens $(echo "$summary" | grep -o '"screens":{[^}]*}')"
problems=0
fail() { echo "soak: FAIL: $*" >&2; problems=$((problems + 1)); }
[ "$kiosk_status" -eq 0 ] || fail "the kiosk exited with $kiosk_status (see $out/kiosk.log)"
[ -n "$summary" ] || fail "no summary line from the kiosk"
if grep -lE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|WARNING: ThreadSanitizer' \
  "$out/kiosk.log" "$out/sync.log" "$out/feed.log" >/dev/null 2>&1; then
  fail "sanitizer reports: $(grep -lE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|WARNING: ThreadSanitizer' "$out"/*.log | tr '\n' ' ')"
fi
[ "$failed_swaps" -eq 0 ] || fail "$failed_swaps data swaps failed (see $out/sync.log, $out/feed.log)"
[ "${actions:-0}" -ge "$min_actions" ] || fail "only ${actions:-0} actions (want $min_actions)"
[ "$swaps" -ge "$min_swaps" ] || fail "only $swaps data swaps (want $min_swaps)"
if [ "$min_actions" -gt 0 ]; then
  for s in home list detail search map admin still-there signage; do
    echo "$summary" | grep -q "\"$s\":" || fail "screen '$s' never visited"
  done
fi
[ "$problems" -eq 0 ] || { echo "soak: replay the input with: $kiosk --script $out/monkey.script ..." >&2; exit 1; }
echo "soak: passed"
