#!/bin/sh
# Takes a screenshot of a whole mmsim report.html in headless Chromium, to look at the report as a reader would:
# the page is first measured (a copy of it with a one-line script that writes its full height into the DOM, read
# back with --dump-dom), then shot in a window that tall, so the picture holds the page to its end.
# Usage: scripts/screenshot-report.sh REPORT.html OUT.png   (not part of mvn verify: needs /usr/bin/chromium)
set -eu
if [ $# -ne 2 ]; then
    echo "usage: $0 REPORT.html OUT.png" >&2
    exit 2
fi
report=$(readlink -f "$1")
out=$(readlink -f "$(dirname "$2")")/$(basename "$2")
[ -f "$report" ] || { echo "$0: $1: no such file" >&2; exit 2; }
width=1400
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chrome() {
    /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --hide-scrollbars \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$work/profile" "$@" 2>/dev/null
}
cp "$report" "$work/measure.html"
echo '<script>document.body.setAttribute("data-page-height",' \
    'Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)))</script>' \
    >>"$work/measure.html"
height=$(chrome --window-size="$width,1000" --dump-dom "file://$work/measure.html" \
    | sed -n 's/.*data-page-height="\([0-9]*\)".*/\1/p' | head -n 1)
case "$height" in
    '' | *[!0-9]*) echo "$0: could not measure the height of $1" >&2; exit 1 ;;
esac
chrome --screenshot="$out" --window-size="$width,$height" "file://$report" >/dev/null
[ -s "$out" ] || { echo "$0: chromium wrote no screenshot" >&2; exit 1; }
echo "wrote $out ($width x $height)"
