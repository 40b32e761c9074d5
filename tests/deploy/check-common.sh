# Shared by the deploy checks (sourced, not run): counting failures, and the
# two preconditions every check has — root, and the tools it drives.
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
# Users, owners and modes in a scratch root need root; ctest reports 77 as skipped.
require_root() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "skipped: needs root (users, owners and modes in a scratch root)" >&2
        exit 77
    fi
}
# require_tools HINT TOOL...: every TOOL on PATH, else fail at once naming HINT.
require_tools() {
    local hint=$1 tool
    shift
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed ($hint)" >&2; exit 1; }
    done
}
