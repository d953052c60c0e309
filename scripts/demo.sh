#!/usr/bin/env bash
# The demo: set up what is missing, build redline, replay Snapshots/ into a fresh track
# repository, and show what changed between the captures.
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
echo
echo "The track repository is $repo; try: git --git-dir=$repo log articles/ukraine-peace-talks"
