#!/bin/sh
# Takes a screenshot of an mmsim report.html in headless Chromium, to look at the report as a reader would.
# Usage: scripts/screenshot-report.sh REPORT.html OUT.png   (not part of mvn verify: needs /usr/bin/chromium)
set -eu
if [ $# -ne 2 ]; then
    echo "usage: $0 REPORT.html OUT.png" >&2
    exit 2
fi
report=$(readlink -f "$1")
out=$(readlink -f "$(dirname "$2")")/$(basename "$2")
[ -f "$report" ] || { echo "$0: $1: no such file" >&2; exit 2; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --screenshot="$out" --window-size=1400,3000 "file://$report"
echo "wrote $out"
