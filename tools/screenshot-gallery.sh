#!/usr/bin/env bash
# Every screen in every language, in the normal and the high-contrast theme,
# from the real kiosk under Xvfb on the demo data: for looking at, not a test
# (the tests probe pixels on their own shots). Needs a build (tools/build.sh).
#   tools/screenshot-gallery.sh [--hostile] [OUT_DIR]     default build/gallery
# --hostile: the hostile set (pestor-demo-gen --set hostile, published with
# pestor-feed build --skip-invalid and synced) instead of the demo data.
# BUILD_DIR (default build) names the build to run.
# Writes OUT_DIR/<lang>[-hc]/NN-screen.png for lang in pl en uk.
set -euo pipefail
cd "$(dirname "$0")/.."
hostile=0
if [ "${1:-}" = --hostile ]; then hostile=1; shift; fi
out=${1:-build/gallery}
build=${BUILD_DIR:-build}
bin=$build/kiosk/app/pestor-kiosk
rm -rf "$out" && mkdir -p "$out"
cache="$out/cache.sqlite"
if [ "$hostile" = 1 ]; then
  "$build/sync/demo/pestor-demo-gen" --set hostile --basemap assets/demo/basemap.geojson --out "$out/hostile-src" >/dev/null
  "$build/sync/cli/pestor-feed" keygen --public "$out/feed.pub" --secret "$out/feed.key" >/dev/null
  "$build/sync/cli/pestor-feed" build --key "$out/feed.key" --skip-invalid "$out/hostile-src" "$out/feed" \
    >/dev/null 2>"$out/feed-warnings.txt"
  "$build/sync/cli/pestor-sync" sync --cache "$cache" --feed "file://$(cd "$out" && pwd)/feed" --key "$out/feed.pub" \
    --allow-file --once >/dev/null 2>"$out/sync-warnings.txt"
else
  "$build/sync/cli/pestor-sync" import --cache "$cache" assets/demo/*.geojson >/dev/null
fi

# The admin screen needs a PIN: 2468, hashed here, used only for the gallery.
pin_hash=$(printf '2468\n' | "$bin" --hash-pin 2>/dev/null | tail -n 1)
cat >"$out/kiosk.toml" <<TOML
[session]
idle_timeout_seconds = 20
still_there_seconds = 5
[platform]
terminal_id = "Gallery"
[admin]
pin_hash = "$pin_hash"
sync_request_file = "$(pwd)/$out/sync-request"
[signage.slide_seconds]
equipment = 3
demands = 3
events = 3
featured_entity = 3
announcements = 3
indicators = 3
[signage.hours]
on = "00:00"
off = "24:00"
TOML
# Signage: the same settings, switched on.
sed 's/^\[signage.slide_seconds\]/[signage]\nenabled = true\n[signage.slide_seconds]/' "$out/kiosk.toml" >"$out/signage.toml"

# One walk through the screens at 1920x1080. HC_TAP turns on high contrast
# first (the top bar's contrast switch).
tour() {
  cat <<SCRIPT
wait 300
$1
wait 200
snap 01-home
touch-tap 330 420
wait 400
snap 02-list
tap 100 240
wait 300
snap 03-list-filtered
tap 1200 190
wait 400
snap 04-detail
tap 230 48
wait 300
tap 960 249
wait 300
snap 05-search-keyboard
type pomoc
wait 800
snap 06-search-results
tap 1361 48
wait 800
snap 07-map
tap 1650 700
wait 1200
snap 08-map-card
tap 20 20
wait 60
tap 20 20
wait 60
tap 20 20
wait 60
tap 20 20
wait 60
tap 20 20
wait 400
snap 09-admin-locked
tap 959 332
tap 831 460
tap 1087 460
tap 959 588
tap 1087 716
wait 1500
snap 10-admin
tap 230 48
wait 21000
snap 11-still-there
wait 6000
snap 12-after-reset
SCRIPT
}

for lang in pl en uk; do
  for theme in normal hc; do
    dir="$out/$lang"; tap=""
    if [ "$theme" = hc ]; then dir="$out/$lang-hc"; tap="tap 1488 48"; fi
    mkdir -p "$dir"
    tour "$tap" >"$dir/tour.txt"
    TZ=Europe/Warsaw LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" \
      "$bin" --config "$out/kiosk.toml" --cache "$cache" --assets assets --size 1920x1080 --lang "$lang" \
      --now 2026-11-21T12:00:00+01:00 --script "$dir/tour.txt" --screenshots "$dir" >"$dir/kiosk.log" 2>&1
    # Signage has no switches of its own (a touch wakes the kiosk): once
    # per language.
    if [ "$theme" = normal ]; then
      printf 'wait 300\n' >"$dir/signage.txt"
      for i in 1 2 3 4 5 6; do printf 'snap 2%d-signage\nwait 3000\n' "$i" >>"$dir/signage.txt"; done
      TZ=Europe/Warsaw LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" \
        "$bin" --config "$out/signage.toml" --cache "$cache" --assets assets --size 1920x1080 --lang "$lang" \
        --now 2026-11-21T12:00:00+01:00 --script "$dir/signage.txt" --screenshots "$dir" >>"$dir/kiosk.log" 2>&1
    fi
    echo "$dir: $(ls "$dir"/*.png | wc -l) screenshots"
  done
done
