#!/usr/bin/env bash
# Makes docs/report.png (and docs/report-phone.png): builds redline, replays
# Snapshots/ukraine-peace-talks into a temporary track repository, writes its HTML report and
# photographs it with headless Chromium (Debian's `chromium`, installed when missing).
# Rerun it after the differ or the report changes, and commit the PNGs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

if ! command -v chromium >/dev/null; then
  echo "screenshot: installing chromium" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

swift build --product redline >&2
redline="$PWD/.build/debug/redline"
work=$(mktemp -d "${TMPDIR:-/tmp}/redline-screenshot.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$redline" init --repo "$work/track.git" >/dev/null
"$redline" replay Snapshots/ukraine-peace-talks --repo "$work/track.git" >/dev/null
"$redline" report ukraine-peace-talks -o "$work/report.html" --repo "$work/track.git" >&2

mkdir -p docs
shoot() { # output width height
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$work/profile" --force-device-scale-factor=1 \
    --screenshot="$1" --window-size="$2,$3" "file://$work/report.html" 2>/dev/null
}
shoot "$PWD/docs/report.png" 1100 1500
shoot "$PWD/docs/report-phone.png" 390 844
echo "screenshot: wrote docs/report.png and docs/report-phone.png" >&2
