#!/usr/bin/env bash
# Quick start, part 1: install what is missing, build, load the bundled demo
# data into a fresh cache, and run the kiosk on it. With a display: a window.
# Without one: a virtual display, the scripted demo tour, and its screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/deps.sh
./tools/build.sh

out=build/demo
rm -rf "$out" && mkdir -p "$out"
cache="$out/cache.sqlite"
# The import validates every record exactly as a sync would.
./build/sync/cli/pestor-sync import --cache "$cache" assets/demo/*.geojson >"$out/import.jsonl"
./build/sync/cli/pestor-sync status --cache "$cache"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec ./build/kiosk/app/pestor-kiosk --windowed --cache "$cache" --assets assets "$@"
fi

echo "No display: running the demo tour under Xvfb with software GL."
LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" \
  ./build/kiosk/app/pestor-kiosk --cache "$cache" --assets assets --size 1920x1080 \
  --script assets/tour/demo-tour.txt --screenshots "$out/screenshots" "$@"
echo "Screenshots of the demo tour are in $(pwd)/$out/screenshots/"
