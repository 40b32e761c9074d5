#!/usr/bin/env bash
# ctest deploy-deb: the Debian package, end to end.
#   1. cpack builds it from this build tree (stripped programs, dependencies
#      from dpkg-shlibdeps plus the declared ones);
#   2. apt resolves its dependencies from Debian 12's archive (simulated:
#      nothing is installed on this machine);
#   3. dpkg installs it into an empty root. A fresh root has no shell or
#      systemd to chroot into, so the maintainer scripts run outside it
#      (--force-script-chrootless) with DPKG_ROOT pointing at it, which they
#      honour; the root's package database knows none of the dependencies
#      (--force-depends). Then: every file in place, the users and folders
#      made by the postinst, the configuration file readable by the kiosk
#      only, the conffiles registered; purge removes it all;
#   4. lintian reports no error (E:); its warnings are listed.
# Usage: check-deb.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d /tmp/pestor-deploy-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/check-common.sh"
require_root
require_tools tools/deps.sh cpack dpkg dpkg-deb dpkg-shlibdeps lintian apt-get systemd-sysusers systemd-tmpfiles

# [SECTION] 1. Build
start=$(date +%s)
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    echo "FAIL: cpack" >&2
    exit 1
fi
deb=$(ls "$work"/out/pestor-kiosk_*.deb)
echo "built $(basename "$deb"): $(du -k "$deb" | cut -f1) KiB in $(($(date +%s) - start)) s"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends Installed-Size

depends=$(dpkg-deb --field "$deb" Depends)
for d in cage libegl1 libgl1-mesa-dri ca-certificates systemd libsdl2-2.0-0 libsqlite3-0 libcurl4 libsodium23 \
    libqrencode4 libtomlplusplus3 libstdc++6 libc6; do
    sed 's/ *([^)]*)//g; s/, */\n/g' <<<"$depends" | grep -Fqx "$d" || fail "Depends: lacks $d ($depends)"
done
[ "$(dpkg-deb --field "$deb" Architecture)" = "$(dpkg --print-architecture)" ] || fail "wrong Architecture"
dpkg-deb --ctrl-tarfile "$deb" | tar -t | sort >"$work/control.txt"
for f in ./conffiles ./control ./md5sums ./postinst ./postrm ./prerm; do
    grep -qx "$f" "$work/control.txt" || fail "control archive lacks $f"
done
dpkg-deb --info "$deb" conffiles >"$work/conffiles"
for f in /etc/pestor-kiosk/kiosk.toml /etc/pestor-kiosk/sync.conf /etc/pam.d/pestor-kiosk; do
    grep -qx "$f" "$work/conffiles" || fail "$f is not a conffile"
done
dpkg-deb --contents "$deb" | awk '$2 != "root/root" { bad = 1; print } END { exit bad }' ||
    fail "files not owned by root:root in the package"

# [SECTION] 2. Dependencies from the archive
if apt-get install -s -q "$deb" >"$work/apt.log" 2>&1; then
    echo "apt-get install -s: dependencies resolve ($(grep -c '^Inst ' "$work/apt.log") packages would be installed)"
else
    cat "$work/apt.log" >&2
    fail "apt-get cannot resolve the package's dependencies"
fi

# [SECTION] 3. Install into an empty root, check, purge
root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers" "$root/etc"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
dpkg_root=(dpkg --root="$root" --log=/dev/null --force-script-chrootless --force-depends)
if ! "${dpkg_root[@]}" --install "$deb" >"$work/dpkg.log" 2>&1; then
    cat "$work/dpkg.log" >&2
    fail "dpkg --install into an empty root"
fi
status=$(dpkg-query --root="$root" -W -f='${Status}' pestor-kiosk 2>/dev/null || true)
[ "$status" = "install ok installed" ] || { cat "$work/dpkg.log" >&2; fail "package status: '$status'"; }
for f in usr/bin/pestor-kiosk usr/bin/pestor-sync usr/bin/pestor-feed \
    usr/share/pestor-kiosk/fonts/NotoSans-Regular.ttf usr/share/pestor-kiosk/i18n/pl.po \
    usr/share/pestor-kiosk/demo/entities.geojson usr/share/pestor-kiosk/tour/demo-tour.txt \
    usr/share/pestor-kiosk/config/kiosk.example.toml \
    usr/lib/systemd/system/pestor-kiosk.service usr/lib/systemd/system/pestor-sync.service \
    usr/lib/sysusers.d/pestor-kiosk.conf usr/lib/tmpfiles.d/pestor-kiosk.conf \
    etc/pestor-kiosk/kiosk.toml etc/pestor-kiosk/sync.conf etc/pam.d/pestor-kiosk \
    usr/share/doc/pestor-kiosk/copyright usr/share/doc/pestor-kiosk/changelog.gz \
    usr/share/doc/pestor-kiosk/README.md usr/share/man/man1/pestor-kiosk.1.gz; do
    [ -f "$root/$f" ] || fail "not installed: /$f"
done
file -b "$root/usr/bin/pestor-kiosk" | grep -q "stripped" && ! file -b "$root/usr/bin/pestor-kiosk" | grep -q "not stripped" ||
    fail "/usr/bin/pestor-kiosk is not stripped"
grep -qa /usr/share/pestor-kiosk "$root/usr/bin/pestor-kiosk" || fail "the packaged kiosk does not look in /usr/share/pestor-kiosk"
# What the postinst did, in the root.
grep -q "^pestor-sync:" "$root/etc/passwd" && grep -q "^pestor-kiosk:" "$root/etc/passwd" ||
    fail "postinst made no users (systemd-sysusers)"
kiosk_gid=$(awk -F: '$1 == "pestor-kiosk" { print $3 }' "$root/etc/group")
[ "$(stat -c '%a %u %g' "$root/etc/pestor-kiosk/kiosk.toml")" = "640 0 $kiosk_gid" ] ||
    fail "kiosk.toml is $(stat -c '%a %u:%g' "$root/etc/pestor-kiosk/kiosk.toml"), not 0640 root:pestor-kiosk"
[ -d "$root/var/lib/pestor-kiosk" ] && [ -d "$root/run/pestor-kiosk" ] || fail "postinst made no folders (systemd-tmpfiles)"
"${dpkg_root[@]}" --purge pestor-kiosk >"$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; fail "dpkg --purge"; }
left=$(cd "$root" && find usr etc/pestor-kiosk etc/pam.d var/lib/pestor-kiosk -mindepth 0 \( -type f -o -type l \) 2>/dev/null || true)
[ -z "$left" ] || fail "purge left files behind: $left"
[ -z "$(dpkg-statoverride --root "$root" --list)" ] || fail "purge left a dpkg-statoverride entry"
echo "dpkg: installed into an empty root (scripts chrootless), checked, purged"

# [SECTION] 4. lintian
# Exit 0: clean; 1: tags at or above error; anything else: lintian broke.
set +e
lintian --no-tag-display-limit "$deb" >"$work/lintian.log" 2>&1
lintian_rc=$?
set -e
[ "$lintian_rc" -le 1 ] || { cat "$work/lintian.log" >&2; fail "lintian did not run (exit $lintian_rc)"; }
errors=$(grep -c '^E: ' "$work/lintian.log" || true)
warnings=$(grep -c '^W: ' "$work/lintian.log" || true)
echo "lintian: $errors error(s), $warnings warning(s)"
grep -E '^(E|W): ' "$work/lintian.log" || true
[ "$errors" -eq 0 ] || fail "lintian reports errors"

if [ "$failures" -ne 0 ]; then
    echo "deploy-deb: $failures failure(s)" >&2
    exit 1
fi
echo "deploy-deb: all checks passed in $(($(date +%s) - start)) s"
