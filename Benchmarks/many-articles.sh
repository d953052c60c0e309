#!/usr/bin/env bash
# One `redline watch` over a configuration of ARTICLES live blogs (default 100) served from a local
# server, each polled every EVERY (default 6s) for SECONDS (default 60): the issue's 100 articles
# polled every minute for ten minutes is the same 1,000 polls, ten times faster. Most polls find the
# page unchanged (the server answers If-Modified-Since with 304); every 10th article changes once.
# Prints the CPU the watcher used (user + sys), its peak resident memory, and what that is as a
# share of one core over the real ten minutes.
#
#   Benchmarks/many-articles.sh [ARTICLES] [EVERY] [SECONDS]     (REDLINE_BIN names a built binary)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
articles="${1:-100}" every="${2:-6s}" seconds="${3:-60}"
redline="${REDLINE_BIN:-$here/.build/release/redline}"
[[ -x "$redline" ]] || (cd "$here" && swift build -c release --product redline >/dev/null)
work="$(mktemp -d)"; trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/site"
page="$here/../shared/corpus/html/corkbeo-level-3-live-cork.html"
for i in $(seq 1 "$articles"); do cp "$page" "$work/site/live-$i.html"; done
python3 -m http.server 0 --bind 127.0.0.1 --directory "$work/site" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do port=$(grep -o 'port [0-9]*' "$work/server.log" | grep -o '[0-9]*' || true); [[ -n "$port" ]] && break; sleep 0.1; done
{ echo "articles:"; for i in $(seq 1 "$articles"); do
    printf '  - slug: live-%s\n    url: http://127.0.0.1:%s/live-%s.html\n    every: %s\n' "$i" "$port" "$i" "$every"; done; } > "$work/redline.yaml"
"$redline" init --repo "$work/track.git" >/dev/null
# Every 10th article changes once, half way through.
( sleep $((seconds / 2)); for i in $(seq 10 10 "$articles"); do
    sed -i 's|</h1>|</h1><p>A new paragraph half way through the run.</p>|' "$work/site/live-$i.html"; done ) &
/usr/bin/time -f "%U %S %M %e" -o "$work/time" timeout -s INT "$seconds" \
    "$redline" watch --config "$work/redline.yaml" --repo "$work/track.git" 2> "$work/watch.log" > /dev/null || true
read -r user sys rss wall < <(tail -1 "$work/time")
polls=$(grep -c ' 200 \| 304 ' "$work/watch.log" || true)
versions=$(grep -c ' version [0-9]' "$work/watch.log" || true)
python3 - "$user" "$sys" "$rss" "$wall" "$polls" "$versions" "$articles" "$every" <<'PY'
import sys
user, sys_, rss, wall = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
polls, versions, articles, every = int(sys.argv[5]), int(sys.argv[6]), sys.argv[7], sys.argv[8]
cpu = user + sys_
print(f"{articles} articles every {every} for {wall:.0f} s: {polls} polls, {versions} versions stored")
print(f"CPU {cpu:.2f} s ({cpu / wall * 100:.1f} % of one core), peak RSS {rss / 1024:.0f} MB")
print(f"per poll {cpu / max(polls, 1) * 1000:.1f} ms; the same polls spread over ten minutes: {cpu / 600 * 100:.2f} % of one core")
PY
