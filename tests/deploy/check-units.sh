#!/usr/bin/env bash
# ctest deploy-units: installs the build into a scratch root and checks what a
# terminal would get, offline, with systemd's own tools:
#   1. `cmake --install` puts every file where the README's install layout says;
#      the installed kiosk looks for its assets under /usr/share/pestor-kiosk;
#   2. `systemd-analyze verify` accepts every unit (ExecStart= programs, the
#      manual pages named in Documentation=, dependencies) against the scratch
#      root, which also holds this machine's own units (sysinit.target, …) and
#      its cage;
#   3. `systemd-analyze security --offline=yes` scores every service at most
#      2.0 (lower is better);
#   4. systemd-sysusers and systemd-tmpfiles, run on the scratch root, make the
#      users, the group membership and the folders with the owners and modes
#      systemd/README.md describes.
# Usage: check-units.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d /tmp/pestor-deploy-units.XXXXXX)
trap 'rm -rf "$work"' EXIT
root=$work/root
. "$(dirname "$0")/check-common.sh"
require_root
require_tools "tools/deps.sh installs systemd and man-db" systemd-analyze systemd-sysusers systemd-tmpfiles man

# [SECTION] 1. The install layout
DESTDIR=$root cmake --install "$build" --prefix /usr >"$work/install.log" ||
    { cat "$work/install.log" >&2; echo "FAIL: cmake --install" >&2; exit 1; }
expected=(
    usr/bin/pestor-kiosk usr/bin/pestor-sync usr/bin/pestor-feed
    usr/share/pestor-kiosk/fonts/NotoSans-Regular.ttf usr/share/pestor-kiosk/fonts/NotoSans-Bold.ttf
    usr/share/pestor-kiosk/i18n/pl.po usr/share/pestor-kiosk/i18n/en.po usr/share/pestor-kiosk/i18n/uk.po
    usr/share/pestor-kiosk/demo/entities.geojson usr/share/pestor-kiosk/demo/basemap.geojson
    usr/share/pestor-kiosk/tour/demo-tour.txt usr/share/pestor-kiosk/config/kiosk.example.toml
    usr/lib/systemd/system/pestor-kiosk.service usr/lib/systemd/system/pestor-sync.service
    usr/lib/sysusers.d/pestor-kiosk.conf usr/lib/tmpfiles.d/pestor-kiosk.conf
    etc/pestor-kiosk/kiosk.toml etc/pestor-kiosk/sync.conf etc/pam.d/pestor-kiosk
    usr/share/doc/pestor-kiosk/README.md usr/share/doc/pestor-kiosk/systemd.md
    usr/share/doc/pestor-kiosk/feed.md usr/share/doc/pestor-kiosk/data-format.md
    usr/share/doc/pestor-kiosk/copyright usr/share/doc/pestor-kiosk/changelog.gz
    usr/share/man/man1/pestor-kiosk.1.gz usr/share/man/man1/pestor-sync.1.gz usr/share/man/man1/pestor-feed.1.gz
)
for f in "${expected[@]}"; do
    [ -f "$root/$f" ] || fail "cmake --install did not install /$f"
done
for f in pestor-kiosk pestor-sync pestor-feed; do
    [ -x "$root/usr/bin/$f" ] || fail "/usr/bin/$f is not executable"
done
# The installed kiosk is built for the installed assets, not this source tree's.
grep -qa "/usr/share/pestor-kiosk" "$root/usr/bin/pestor-kiosk" ||
    fail "the installed pestor-kiosk does not name /usr/share/pestor-kiosk as its asset folder"
! grep -qa "$source/assets" "$root/usr/bin/pestor-kiosk" ||
    fail "the installed pestor-kiosk still names the source tree's assets ($source/assets)"
# The build tree's kiosk keeps the source tree's assets (README quick start).
grep -qa "$source/assets" "$build/kiosk/app/pestor-kiosk" ||
    fail "the build tree's pestor-kiosk lost the source tree's asset folder"
grep -q "^ExecStart=/usr/bin/cage -- /usr/bin/pestor-kiosk$" "$root/usr/lib/systemd/system/pestor-kiosk.service" ||
    fail "pestor-kiosk.service does not start /usr/bin/pestor-kiosk under /usr/bin/cage"
# The kiosk's default request file is the one the sync daemon watches.
grep -q "^sync_request_file = \"/run/pestor-kiosk/sync-request\"" "$root/etc/pestor-kiosk/kiosk.toml" ||
    fail "kiosk.toml's admin.sync_request_file is not /run/pestor-kiosk/sync-request"
grep -q -- "--request-file /run/pestor-kiosk/sync-request" "$root/usr/lib/systemd/system/pestor-sync.service" ||
    fail "pestor-sync.service does not watch /run/pestor-kiosk/sync-request"

# [SECTION] 2. systemd-analyze verify, against the scratch root
[ -x /usr/bin/cage ] || { echo "FAIL: /usr/bin/cage is missing (apt-get install cage; tools/deps.sh)" >&2; exit 1; }
cp /usr/bin/cage "$root/usr/bin/cage"
mkdir -p "$root/bin"
cp "$(readlink -f /bin/sh)" "$root/bin/sh" # pestor-sync.service's ExecStartPre
# This machine's units (sysinit.target, getty@.service, …), without
# replacing ours.
cp -rn /usr/lib/systemd/system/. "$root/usr/lib/systemd/system/"
units=(pestor-kiosk.service pestor-sync.service)
# verify also runs `man` for each Documentation=man: page, found here in the
# scratch root. Warnings leave the exit code at 0: any output fails.
if ! MANPATH=$root/usr/share/man systemd-analyze verify --root="$root" "${units[@]}" >"$work/verify.log" 2>&1 ||
    [ -s "$work/verify.log" ]; then
    cat "$work/verify.log" >&2
    fail "systemd-analyze verify"
else
    echo "systemd-analyze verify: ${units[*]}: no findings"
fi

# [SECTION] 3. systemd-analyze security --offline
for unit in "${units[@]}"; do
    if ! systemd-analyze security --offline=yes --root="$root" "$unit" >"$work/security.log" 2>&1; then
        cat "$work/security.log" >&2
        fail "systemd-analyze security $unit"
        continue
    fi
    score=$(sed -n "s/^→ Overall exposure level for $unit: \([0-9.]*\) .*/\1/p" "$work/security.log")
    if [ -z "$score" ]; then
        cat "$work/security.log" >&2
        fail "no exposure level for $unit"
    elif awk -v s="$score" 'BEGIN { exit !(s > 2.0) }'; then
        grep "✗" "$work/security.log" >&2 || true
        fail "$unit: exposure $score, above 2.0"
    else
        echo "systemd-analyze security: $unit: $score (at most 2.0)"
    fi
done

# [SECTION] 4. Users and folders, made in the scratch root
mkdir -p "$root/etc"
systemd-sysusers --root="$root" pestor-kiosk.conf >"$work/sysusers.log" 2>&1 ||
    { cat "$work/sysusers.log" >&2; fail "systemd-sysusers"; }
systemd-tmpfiles --root="$root" --create pestor-kiosk.conf >"$work/tmpfiles.log" 2>&1 ||
    { cat "$work/tmpfiles.log" >&2; fail "systemd-tmpfiles"; }
uid_of() { awk -F: -v n="$1" '$1 == n { print $3 }' "$root/etc/passwd"; }
gid_of() { awk -F: -v n="$1" '$1 == n { print $3 }' "$root/etc/group"; }
members_of() { awk -F: -v n="$1" '$1 == n { print $4 }' "$root/etc/group"; }
sync_uid=$(uid_of pestor-sync)
kiosk_uid=$(uid_of pestor-kiosk)
sync_gid=$(gid_of pestor-sync)
kiosk_gid=$(gid_of pestor-kiosk)
[ -n "$sync_uid" ] && [ -n "$kiosk_uid" ] || fail "sysusers made no pestor-sync or pestor-kiosk user"
[ "$sync_uid" != "$kiosk_uid" ] || fail "the two services share a uid"
for g in pestor-sync video render; do
    case ",$(members_of $g)," in
    *,pestor-kiosk,*) ;;
    *) fail "pestor-kiosk is not in group $g" ;;
    esac
done
case ",$(members_of pestor-kiosk)," in
*,pestor-sync,*) fail "pestor-sync must not be in the kiosk's group" ;;
esac
awk -F: '$1 ~ /^pestor-/ && $7 != "/usr/sbin/nologin" { exit 1 }' "$root/etc/passwd" ||
    fail "a pestor user can log in (shell is not /usr/sbin/nologin)"
check_dir() { # PATH MODE UID GID
    local got
    got=$(stat -c '%a %u %g' "$root$1" 2>/dev/null || echo missing)
    [ "$got" = "$2 $3 $4" ] || fail "$1: expected mode $2 owner $3:$4, got $got"
}
check_dir /var/lib/pestor-kiosk 750 "$sync_uid" "$sync_gid"
check_dir /var/cache/pestor-kiosk 700 "$kiosk_uid" "$kiosk_gid"
check_dir /run/pestor-kiosk 750 "$kiosk_uid" "$sync_gid"
echo "sysusers/tmpfiles: pestor-sync=$sync_uid pestor-kiosk=$kiosk_uid (in pestor-sync, video, render); folders as designed"

if [ "$failures" -ne 0 ]; then
    echo "deploy-units: $failures failure(s)" >&2
    exit 1
fi
echo "deploy-units: all checks passed"
