#!/usr/bin/env bash
# Times redline's extraction of the 711 KB NDTV live blog (and the two seeds) against Python's
# standard-library html.parser merely tokenising the same page, in the same run.
#
#     Benchmarks/extract.sh [RUNS] [ROUNDS]     (default 21 runs in each of 3 rounds)
#
# redline's figure is the whole extraction (decode, parse, tree copy, structured data, entries,
# blocks); Python's is tokenising alone, with no-op handlers. The two alternate, round by round,
# so a burst of load on a shared machine hits both; each prints the median of its rounds'
# medians, in milliseconds.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-21}"
rounds="${2:-3}"
shared="${REDLINE_SHARED:-$(cd .. && pwd)/shared}"
page="$shared/corpus/html/ndtv-ind-vs-sl-cwc2023-live.html"
[ -r "$page" ] || { echo "extract.sh: cannot read $page; set REDLINE_SHARED" >&2; exit 2; }

swift build -c release --package-path Benchmarks --product redline-extract-bench >/dev/null 2>&1 \
    || swift build -c release --package-path Benchmarks --product redline-extract-bench
bin="$(swift build -c release --package-path Benchmarks --show-bin-path 2>/dev/null)"

python_tokenise() {
  python3 -c '
import statistics, sys, time
from html.parser import HTMLParser

class Tokeniser(HTMLParser):
    def handle_starttag(self, tag, attrs): pass
    def handle_endtag(self, tag): pass
    def handle_startendtag(self, tag, attrs): pass
    def handle_data(self, data): pass
    def handle_comment(self, data): pass
    def handle_entityref(self, name): pass
    def handle_charref(self, name): pass
    def handle_decl(self, decl): pass
    def handle_pi(self, data): pass

with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
    html = f.read()
timings = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    parser = Tokeniser(convert_charrefs=True)
    parser.feed(html)
    parser.close()
    timings.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(timings):.2f}")
' "$page" "$runs"
}

redline_rounds=()
python_rounds=()
for round in $(seq "$rounds"); do
  output="$(REDLINE_SHARED="$shared" "$bin/redline-extract-bench" "$runs")"
  [ "$round" -eq 1 ] && echo "$output"
  redline_rounds+=("$(echo "$output" | awk -F'\t' '/^ndtv/ { sub(/median /, "", $3); sub(/ ms/, "", $3); print $3 }')")
  python_rounds+=("$(python_tokenise)")
done

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
redline_ms="$(median "${redline_rounds[@]}")"
python_ms="$(median "${python_rounds[@]}")"
echo "rounds (ms): redline ${redline_rounds[*]}; python ${python_rounds[*]}"
echo "redline full extraction: $(basename "$page")	median ${redline_ms} ms	($rounds rounds of $runs runs)"
echo "python3 html.parser, tokenising only: $(basename "$page")	median ${python_ms} ms	($rounds rounds of $runs runs)"
awk -v r="$redline_ms" -v p="$python_ms" 'BEGIN { printf "redline full extraction vs Python tokenising: %.2f ms vs %.2f ms (Python takes %.1f× as long)\n", r, p, p / r }'
