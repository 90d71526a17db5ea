#!/usr/bin/env bash
# Builds boundwise and runs the whole lit test suite. The last line is
# "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh" >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
log=$(mktemp)
ninja -C "$root/build" check 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oE '^ *Passed *: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
failed=$(grep -oE '^ *Failed *: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
rm -f "$log"
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
