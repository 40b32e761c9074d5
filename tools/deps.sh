#!/usr/bin/env bash
# Installs the Debian 12 packages PES-TOR Kiosk builds, tests and runs with —
# only those missing, so a second run costs nothing. Needs root or sudo.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libimgui-dev libsdl2-dev libgl-dev libgl1-mesa-dri
  libsqlitecpp-dev libsqlite3-dev libstb-dev
  libqrencode-dev
  nlohmann-json3-dev libtomlplusplus-dev doctest-dev
  libcurl4-openssl-dev libsodium-dev zlib1g-dev
  xvfb xauth zbar-tools gdb gettext
  nginx-light libnginx-mod-http-echo openssl minisign
  gdal-bin
  clang libclang-rt-14-dev
  # tests/deploy: systemd-analyze, sysusers and tmpfiles; cage (the unit's
  # ExecStart); the .deb's lintian, dpkg-shlibdeps, file and man checks
  systemd cage lintian dpkg-dev file man-db
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
echo "deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
