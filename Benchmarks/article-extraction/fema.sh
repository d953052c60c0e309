#!/usr/bin/env bash
# redline's diff on two pairs of real government pages that web-monitoring-diff (EDGI's HTML diff)
# keeps as test fixtures: FEMA's Hurricane Maria page of 3 and 5 October 2017, and two captures of
# the energy.gov home page (22 → 29 September 2017 featured story). The FEMA pair has real edits
# (12,300 → 14,000 federal staff, 18 → 19 states supporting mutual aid) among many that are
# encoding only: the 5 October capture is itself double-encoded UTF-8 ("EspaÃ±ol" for "Español").
#
#     Benchmarks/article-extraction/fema.sh
#
# Downloads the web-monitoring-diff 0.2.0 source package with pip (once, cached in
# ${XDG_CACHE_HOME:-~/.cache}/redline-benchmarks/downloads, or EXTRACTION_CACHE), unpacks it in a temp dir, and prints, per pair,
# `redline diff --files OLD NEW --format text`, then a count of the edited blocks: how many are
# encoding-only (the new text, read back as the UTF-8 it was mis-decoded from, equals the old) and
# which blocks carry the staff and states figures; for energy.gov, what `redline extract` makes of
# each page. Nothing of the package is kept in this repository.
# REDLINE_BIN: the redline binary (default: `swift build -c release --product redline`).
set -euo pipefail
cd "$(dirname "$0")/../.."

cache="${EXTRACTION_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/redline-benchmarks}/downloads"
package="$cache/web_monitoring_diff-0.2.0.tar.gz"
if [ ! -f "$package" ]; then
  mkdir -p "$cache"
  python3 -m pip download -q --no-deps --no-binary :all: web-monitoring-diff==0.2.0 -d "$cache"
fi

if [ -z "${REDLINE_BIN:-}" ]; then
  swift build -c release --product redline >/dev/null 2>&1 || swift build -c release --product redline
  REDLINE_BIN="$(swift build -c release --show-bin-path)/redline"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/redline-fema.XXXXXX")"
trap 'rm -rf "$work"' EXIT
tar -xzf "$package" -C "$work"
versions="$work/web_monitoring_diff-0.2.0/web_monitoring_diff/tests/fixtures/versions"
# Where MojibakeTests reads the FEMA pair from (it skips its test when they are not there).
unpacked="$(dirname "$cache")/web-monitoring-diff-0.2.0/versions"
mkdir -p "$unpacked" && cp "$versions"/* "$unpacked/"
# Old → new, as web-monitoring-diff's tests/test_html_diff.py pairs them.
fema_old="$versions/f2d5d701-707a-42e0-8881-653346d01e0a"   # 3 October 2017
fema_new="$versions/fc74d750-c651-46b7-bf74-434ad8c62e04"   # 5 October 2017
energy_old="$versions/9d4de183-a186-456c-bffb-55d82989877d" # featured story of 22 September 2017
energy_new="$versions/775a8b04-9bac-4d0d-8db0-a8e133c4a964" # featured story of 29 September 2017

summarise() { # OLD NEW: counts of the diff's blocks, from its JSON
  "$REDLINE_BIN" diff --files "$1" "$2" --format json | python3 -c '
import json, re, sys
d = json.load(sys.stdin)
def unmangle(s):
    # Text that was UTF-8, decoded as Latin-1/Windows-1252: take the bytes back and decode them as
    # UTF-8. A lone "Â" is what is left of "Â" + no-break space once the space was normalised away.
    s = re.sub("\u00c2(?![\u0080-\u00bf])", " ", s)
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode("cp1252") if ord(ch) > 255 else ch.encode("latin-1")
        except UnicodeEncodeError:
            out += ch.encode("utf-8")
    return out.decode("utf-8", errors="replace")
def norm(s): return " ".join(s.split())
counts, encoding_only, real = {}, 0, []
for b in d["blocks"]:
    counts[b["change"]] = counts.get(b["change"], 0) + 1
    old, new = b.get("oldText") or "", b.get("newText") or ""
    if b["change"] != "unchanged" and old and new and old != new:
        if norm(unmangle(new)) == norm(old):
            encoding_only += 1
        else:
            real.append((old, new))
print("blocks by change:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
print(f"edited blocks whose only difference is the double-encoded UTF-8 of the new capture: {encoding_only}")
print(f"edited blocks with a real change: {len(real)}")
for needle in ("federal staff", "states supporting"):
    hits = [(o, n) for o, n in real if needle in o or needle in n]
    for o, n in hits:
        print(f"  [{needle}] old: {o}\n  [{needle}] new: {n}")
    if not hits:
        print(f"  [{needle}] not among the edited blocks")
'
}

echo "== FEMA, Hurricane Maria: 3 → 5 October 2017"
"$REDLINE_BIN" diff --files "$fema_old" "$fema_new" --format text || true
echo
summarise "$fema_old" "$fema_new"

echo
echo "== energy.gov home page: 22 → 29 September 2017 featured story"
"$REDLINE_BIN" diff --files "$energy_old" "$energy_new" --format text || true
echo
summarise "$energy_old" "$energy_new"
show_extract='
import json, sys
d = json.load(sys.stdin)
blocks = d["blocks"] + [b for e in d.get("entries", []) for b in e["blocks"]]
words = sum(len(b["text"].split()) for b in blocks)
print("title: %r; standfirst: %r; %d blocks, %d entries, %d words"
      % (d.get("title"), (d.get("standfirst") or "")[:100], len(blocks), len(d.get("entries", [])), words))
for b in blocks[:8]:
    print("  %s: %s" % (b["kind"], b["text"][:110]))
if len(blocks) > 8:
    print("  … %d more" % (len(blocks) - 8))
'
for f in "$energy_old" "$energy_new"; do
  echo
  echo "-- redline extract $(basename "$f")"
  "$REDLINE_BIN" extract "$f" --format json | python3 -c "$show_extract"
done
