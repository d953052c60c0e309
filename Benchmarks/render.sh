#!/usr/bin/env bash
# Rendering speed, as a user meets it: whole `redline` processes (release build) on
#  - a 2 MB pair of plain-text captures (`diff --files`, each format), and
#  - a track repository of 100 versions (`report`),
# then the renderers alone, in process (redline-render-bench). Prints the median of 5 runs.
# The figures go in BENCHMARKS.md under "## Rendering".
#
#     bash Benchmarks/render.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product redline >&2
swift build -c release --package-path Benchmarks --product redline-render-bench >&2
redline="$PWD/.build/release/redline"
work=$(mktemp -d "${TMPDIR:-/tmp}/redline-render-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A capture of N paragraphs of about 250 bytes; variant 1 edits every 40th paragraph, drops
# another and adds one, as a live blog does between two captures.
capture() { # paragraphs variant
  awk -v n="$1" -v variant="$2" 'BEGIN {
    split("Ukraine talks London ceasefire negotiators said the on Wednesday Crimea agreement officials envoy Kremlin peace plan and would", w, " ")
    print "Live: a long live blog\n"
    for (i = 0; i < n; i++) {
      if (variant == 1 && i % 40 == 2) continue
      line = "Paragraph " i ":"
      for (j = 0; j < 34; j++) line = line " " w[(i * 31 + j * 7) % 18 + 1]
      if (variant == 1 && i % 40 == 3) line = line " (updated)"
      print line ".\n"
      if (variant == 1 && i % 40 == 1) print "A new paragraph after " i ", added in the later capture.\n"
    }
  }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

timed() { # label command...
  local label=$1; shift
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median | xargs printf "%-44s %6.3f s\n" "$label"
}

capture 8000 0 >"$work/old.txt"
capture 8000 1 >"$work/new.txt"
echo "2 MB pair: $(wc -c <"$work/old.txt") and $(wc -c <"$work/new.txt") bytes"
export COLUMNS=100
timed "diff --files, terminal (colour, 100 columns)" "$redline" diff --files "$work/old.txt" "$work/new.txt" --format terminal --color always
timed "diff --files, text" "$redline" diff --files "$work/old.txt" "$work/new.txt" --format text
timed "diff --files, markdown" "$redline" diff --files "$work/old.txt" "$work/new.txt" --format markdown
timed "diff --files, html" "$redline" diff --files "$work/old.txt" "$work/new.txt" --format html
timed "diff --files, json" "$redline" diff --files "$work/old.txt" "$work/new.txt" --format json
timed "diff --files --stat" "$redline" diff --files "$work/old.txt" "$work/new.txt" --stat

# 100 versions of a growing live blog (200 to 695 paragraphs, up to ~170 KB), every 40th edited.
mkdir "$work/captures"
for k in $(seq 1 100); do
  capture $((200 + k * 5)) $((k % 2)) >"$work/captures/$(printf '2025-04-23T%02d%02dZ_blog.txt' $((8 + k / 60)) $((k % 60)))"
done
"$redline" init --repo "$work/track.git" >/dev/null
"$redline" replay "$work/captures" --slug blog --repo "$work/track.git" >/dev/null
timed "report, 100 versions" "$redline" report blog -o "$work/report.html" --repo "$work/track.git"
echo "report: $(wc -c <"$work/report.html") bytes"
timed "log, 100 versions (for comparison)" "$redline" log blog --repo "$work/track.git"

echo
Benchmarks/.build/release/redline-render-bench --megabytes 2 --runs 5
