#!/usr/bin/env bash
# Whole-process speed of redline's differ against git's best, on the same 2 MB live-blog pair.
#
#   Benchmarks/diff-vs-git.sh [RUNS] [MB]   (default 7 runs each, alternating; medians compared;
#                                            MB: size of the pair, default 2)
#
# The pair comes from redline-diff-bench --write-pair (built from ../shared/corpus/liveblogs:
# entries added on top, paragraphs edited, removed, moved, moved and edited, swapped), as plain
# text: one block per paragraph, blank lines between. Each run is a whole process:
#   redline diff --files OLD NEW --format json
#   git diff --no-index --histogram --color-moved=zebra --word-diff=plain OLD NEW
# Prints both medians and the ratio redline / git (≤ 1.0: redline at least as fast).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
megabytes=${2:-2}
work=$(mktemp -d "${TMPDIR:-/tmp}/redline-diff-vs-git.XXXXXX")
trap 'rm -rf "$work"' EXIT

# redline as it is shipped: a release build with the Swift runtime and Foundation linked in
# (--static-swift-stdlib), which starts without resolving some 20,000 symbols across 60 shared
# libraries, at a fixed address (-no-pie: none of its 85,000 pointers to relocate at start).
# It lives in its own build directory.
bash scripts/setup.sh
swift build -c release --product redline-diff-bench >/dev/null
swift build -c release --static-swift-stdlib -Xlinker -no-pie --build-path .build-static --product redline >/dev/null
bench=.build/release/redline-diff-bench
redline=.build-static/release/redline
"$bench" --write-pair "$work" "$megabytes" >/dev/null
old="$work/old.txt" new="$work/new.txt"
echo "pair: $(wc -c <"$old") and $(wc -c <"$new") bytes"

# redline must actually run the command (the CLI may not have `diff --files` yet).
if ! "$redline" diff --files "$old" "$new" --format json >"$work/out.json" 2>"$work/err.txt" \
    || ! grep -q '"schemaVersion"' "$work/out.json"; then
    echo "redline diff --files does not run here yet:" >&2
    head -3 "$work/err.txt" >&2
    exit 2
fi

now() { date +%s%N; }
redline_times=() git_times=()
for ((i = 0; i < runs; i++)); do
    start=$(now)
    "$redline" diff --files "$old" "$new" --format json >/dev/null
    redline_times+=($(( $(now) - start )))
    start=$(now)
    git diff --no-index --histogram --color-moved=zebra --word-diff=plain "$old" "$new" >/dev/null || true
    git_times+=($(( $(now) - start )))
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
r=$(median "${redline_times[@]}")
g=$(median "${git_times[@]}")
awk -v r="$r" -v g="$g" -v n="$runs" 'BEGIN {
    printf "redline diff --files --format json: %.1f ms (median of %d)\n", r / 1e6, n
    printf "git diff --no-index --histogram --color-moved=zebra --word-diff=plain: %.1f ms (median of %d)\n", g / 1e6, n
    printf "ratio redline / git: %.2f\n", r / g
}'
echo "redline's summary: $(sed -n '/"summary"/,/}/p' "$work/out.json" | tr -d ' \n')"
