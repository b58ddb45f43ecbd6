#!/bin/sh
# Times a study three ways, each into fresh folders, and prints the wall times and ratios (issue 13, acceptance 1):
#   - its points one after another as separate `mmsim run` commands, what a user without `sweep` does;
#   - `mmsim sweep --jobs 1`: the points one after another in one JVM, which compiles the model's code once;
#   - `mmsim sweep --jobs 2`: two at a time.
# It also checks that each separate run's summary.json equals its point's in the study folder (runs are
# deterministic). Run it on an otherwise quiet machine: other work on the cores distorts every time.
# Usage: scripts/time-sweep.sh [STUDY.yaml]     (default: examples/minfree-thp.yaml, the 18-point study)
# The separate runs take the study's `base:` and each point's key (AXIS=VALUE,...,seed=N); a study with `set:`
# words or a `scenario` axis (no `base:`) is timed by sweep only; values holding commas would split wrongly.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
study=$(readlink -f "${1:-$root/examples/minfree-thp.yaml}")
[ -f "$study" ] || { echo "$0: $study: no such file" >&2; exit 2; }
"$root/mmsim" --version >/dev/null    # builds the jar when a source changed, outside the timings
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.1f\n", e - s }'; }

# Prints the wall seconds of one sweep with --jobs $1; its output stays in $tmp.
timed() {
    start=$(now)
    if ! "$root/mmsim" sweep "$study" --out "$tmp/jobs$1" --jobs "$1" >"$tmp/out$1" 2>"$tmp/err$1"; then
        cat "$tmp/err$1" >&2
        exit 1
    fi
    seconds "$start" "$(now)"
}

# Prints the wall seconds of every point of $tmp/jobs1 run as its own `mmsim run`, one after another; each run's
# summary.json must equal its point's.
separately() {
    base=$(sed -n 's/^base:[[:space:]]*\([^#[:space:]]*\).*/\1/p' "$study")
    case "$base" in */*|*.yaml) base=$(cd "$(dirname "$study")" && readlink -f "$base") ;; esac
    start=$(now)
    for point in "$tmp"/jobs1/points/*/; do
        name=$(basename "$point")
        set --
        for word in $(tr ',' ' ' < "$point/point-key.txt"); do
            case "$word" in
                seed=*) set -- "$@" --seed "${word#seed=}" ;;
                *) set -- "$@" --set "$word" ;;
            esac
        done
        "$root/mmsim" run "$base" "$@" --out "$tmp/runs/$name" >/dev/null 2>"$tmp/err-run"
    done
    end=$(now)
    for point in "$tmp"/jobs1/points/*/; do
        name=$(basename "$point")
        cmp -s "$point/summary.json" "$tmp/runs/$name/summary.json" \
            || { echo "$0: $name: summary.json differs between mmsim run and the sweep" >&2; exit 1; }
    done
    seconds "$start" "$end"
}

one=$(timed 1)
two=$(timed 2)
points=$(grep -c ' done: ' "$tmp/err1" || true)
sep=""
if grep -q '^base:' "$study" && ! grep -q '^set:' "$study"; then
    sep=$(separately)
fi
echo "study:          $study ($points points; $(nproc) processors)"
[ -z "$sep" ] || echo "mmsim run x $points: $sep s (summary.json of each equal to its point's)"
echo "sweep --jobs 1: $one s"
echo "sweep --jobs 2: $two s"
[ -z "$sep" ] || awk -v a="$sep" -v b="$two" 'BEGIN { printf "separate runs / sweep --jobs 2: %.2f\n", a / b }'
awk -v a="$one" -v b="$two" 'BEGIN { printf "sweep --jobs 1 / sweep --jobs 2: %.2f\n", a / b }'
