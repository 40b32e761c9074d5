#!/usr/bin/env bash
# Quick start, part 1: install what is missing, build, publish the bundled
# demo data as a signed feed, sync it into a fresh cache, and run the kiosk.
# With a display: a window. Without one: a virtual display, the scripted demo
# tour, and its screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/deps.sh
./tools/build.sh

out=build/demo
rm -rf "$out" && mkdir -p "$out"
cache="$out/cache.sqlite"
# The real path, end to end: publish the bundled demo data as a signed feed
# with pestor-feed, then let pestor-sync fetch, verify and apply it (a local
# file:// feed, which only --allow-file permits).
./build/sync/cli/pestor-feed keygen --public "$out/feed.pub" --secret "$out/feed.key" >/dev/null
./build/sync/cli/pestor-feed build --key "$out/feed.key" assets/demo "$out/feed"
./build/sync/cli/pestor-sync sync --once --cache "$cache" --state-dir "$out/sync-state" \
  --feed "file://$(pwd)/$out/feed" --key "$out/feed.pub" --allow-file
./build/sync/cli/pestor-sync status --cache "$cache"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec ./build/kiosk/app/pestor-kiosk --windowed --cache "$cache" --assets assets "$@"
fi

echo "No display: running the demo tour under Xvfb with software GL."
LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" \
  ./build/kiosk/app/pestor-kiosk --cache "$cache" --assets assets --size 1920x1080 \
  --script assets/tour/demo-tour.txt --screenshots "$out/screenshots" "$@"
echo "Screenshots of the demo tour are in $(pwd)/$out/screenshots/"
