#!/bin/sh
# Times a study run one point after another (--jobs 1) and two at a time (--jobs 2), each into a fresh study
# folder, and prints both wall times and their ratio (issue 13, acceptance 1: at least 1.7 on a 2-core machine).
# Run it on an otherwise quiet machine: other work on the cores distorts both times.
# Usage: scripts/time-sweep.sh [STUDY.yaml]     (default: examples/minfree-thp.yaml, the 18-point study)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
study=$(readlink -f "${1:-$root/examples/minfree-thp.yaml}")
[ -f "$study" ] || { echo "$0: $study: no such file" >&2; exit 2; }
"$root/mmsim" --version >/dev/null    # builds the jar when a source changed, outside the timings
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Prints the wall seconds of one sweep with --jobs $1; its output stays in $tmp.
timed() {
    start=$(date +%s.%N)
    if ! "$root/mmsim" sweep "$study" --out "$tmp/jobs$1" --jobs "$1" >"$tmp/out$1" 2>"$tmp/err$1"; then
        cat "$tmp/err$1" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", e - s }'
}

one=$(timed 1)
two=$(timed 2)
points=$(grep -c ' done: ' "$tmp/err1" || true)
echo "study:    $study ($points points; $(nproc) processors)"
echo "--jobs 1: $one s"
echo "--jobs 2: $two s"
awk -v a="$one" -v b="$two" 'BEGIN { printf "ratio:    %.2f\n", a / b }'
