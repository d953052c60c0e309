#!/usr/bin/env bash
# The demo: set up what is missing, build redline, replay Snapshots/ into a fresh track
# repository, show what changed between the captures, then the live-blog example of docs/examples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --product redline >&2
redline=".build/debug/redline"

repo=$(mktemp -d "${TMPDIR:-/tmp}/redline-demo.XXXXXX")/track.git
run() { echo; echo "\$ redline $*"; "$redline" "$@" --repo "$repo"; }

run init
run replay Snapshots/ukraine-peace-talks
run log ukraine-peace-talks
run diff ukraine-peace-talks
# The seeds are two outlets' articles; a live blog moving on (a headline rewritten, an entry added
# on top, a paragraph moved, a figure corrected, a key event retitled) shows on docs/examples/:
echo; echo "\$ redline diff --files docs/examples/live-1.html docs/examples/live-2.html"
"$redline" diff --files docs/examples/live-1.html docs/examples/live-2.html
echo
echo "The track repository is $repo; try: git --git-dir=$repo log articles/ukraine-peace-talks"
