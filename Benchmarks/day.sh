#!/usr/bin/env bash
# A realistic day of live coverage, redline against plain git in the same run (issue 17).
#
#   Benchmarks/day.sh [COUNT]        (COUNT captures, default 1000; 100 for a quick check)
#
#   REDLINE_BIN=path     time this redline binary instead of building one (release)
#   REDLINE_SHARED=dir   the shared corpus (default ../shared beside the package)
#   DAY_KEEP=dir         keep the captures and both repositories in dir (default: a temporary
#                        folder, removed at the end)
#
# Benchmarks/day-captures.py writes COUNT captures of one live blog (a real page's chrome, real
# entries put in one a capture, newest on top, with "N minutes ago" labels and corrections; from
# ~250 KB to ~1.8 MB at 1,000). Then, capture by capture, in order:
#   redline snap day CAPTURE --repo track.git --at T --url U   (T a minute after the one before)
#   cp CAPTURE page.html; git add page.html; git commit -q -m "capture N" (a fresh git repository,
#   git's own defaults, `gc --auto` included)
# Each process is started with posix_spawn and reaped with os.wait4, whose rusage is its CPU time
# (user + sys, all threads); a capture's git cost is its add's plus its commit's. At the end: the
# CPU per capture over the last 100 (median, mean), the size of each repository (du -sb of the
# git directory) with its loose objects and packs, and each repository's size after `git gc`
# (run on a copy of the track repository; redline's own figure is without it).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
shared=${REDLINE_SHARED:-$(cd .. && pwd)/shared}
if [[ -z ${REDLINE_BIN:-} ]]; then
    swift build -c release --product redline >&2
    REDLINE_BIN=$(swift build -c release --show-bin-path)/redline
fi
work=${DAY_KEEP:-$(mktemp -d)}
mkdir -p "$work"
[[ -n ${DAY_KEEP:-} ]] || trap 'rm -rf "$work"' EXIT

python3 Benchmarks/day-captures.py "$shared/corpus" "$work/captures" "$count"
REDLINE_BIN=$REDLINE_BIN WORK=$work python3 - <<'EOF'
import datetime, os, shutil, statistics, subprocess, sys

sys.path.insert(0, "Benchmarks")
from process_cpu import cpu

redline, work = os.environ["REDLINE_BIN"], os.environ["WORK"]
captures = sorted(os.listdir(f"{work}/captures"))
track, plain = f"{work}/track.git", f"{work}/git"


def size(path):
    return int(subprocess.run(["du", "-sb", path], capture_output=True, text=True).stdout.split()[0])


def objects(git_dir):
    lines = subprocess.run(["git", "--git-dir", git_dir, "count-objects", "-v"], capture_output=True, text=True).stdout
    fields = dict(line.split(": ") for line in lines.splitlines())
    return int(fields["count"]), int(fields["packs"])


subprocess.run([redline, "init", "--repo", track], check=True, capture_output=True)
subprocess.run(["git", "init", "-q", plain], check=True)
start = datetime.datetime(2020, 10, 6, 8, 0, tzinfo=datetime.timezone.utc)
redline_cpu, git_cpu, packed_at = [], [], []
for n, name in enumerate(captures):
    at = (start + datetime.timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
    packs_before = set(os.listdir(f"{track}/objects/pack"))
    redline_cpu.append(cpu([redline, "snap", "day", f"{work}/captures/{name}", "--repo", track, "--at", at,
                            "--url", "https://www.corkbeo.ie/news/local-news/level-3-live-cork-ireland-19056312"]))
    if set(os.listdir(f"{track}/objects/pack")) != packs_before:
        packed_at.append(n)
    shutil.copyfile(f"{work}/captures/{name}", f"{plain}/page.html")
    dates = {"GIT_AUTHOR_DATE": at, "GIT_COMMITTER_DATE": at}
    git_cpu.append(cpu(["git", "add", "page.html"], cwd=plain) + cpu(["git", "commit", "-q", "-m", f"capture {n + 1}"], cwd=plain, extra=dates))

copy = f"{work}/track-gc.git"
shutil.rmtree(copy, ignore_errors=True)
shutil.copytree(track, copy)
redline_size, redline_objects = size(track), objects(track)
git_size, git_objects = size(f"{plain}/.git"), objects(f"{plain}/.git")
git_gc_cpu = cpu(["git", "gc", "-q"], cwd=plain)
git_gc_size = size(f"{plain}/.git")
cpu(["git", "--git-dir", copy, "gc", "-q"])
track_gc_size = size(copy)
last = slice(-min(100, len(captures)), None)
mb = lambda b: f"{b / 1e6:.2f} MB"
ms = lambda s: f"{s * 1000:.0f} ms"
print(f"captures: {len(captures)}, {mb(os.path.getsize(f'{work}/captures/{captures[0]}'))} → "
      f"{mb(os.path.getsize(f'{work}/captures/{captures[-1]}'))}")
print()
print("| | redline | git |")
print("|---|---:|---:|")
print(f"| CPU per capture, last 100: median | {ms(statistics.median(redline_cpu[last]))} | {ms(statistics.median(git_cpu[last]))} |")
print(f"| CPU per capture, last 100: mean (packing included) | {ms(statistics.mean(redline_cpu[last]))} | {ms(statistics.mean(git_cpu[last]))} |")
print(f"| CPU per capture, whole day: mean | {ms(statistics.mean(redline_cpu))} | {ms(statistics.mean(git_cpu))} |")
print(f"| CPU, whole day | {sum(redline_cpu):.1f} s | {sum(git_cpu):.1f} s |")
print(f"| repository at the end | {mb(redline_size)}, {redline_objects[0]} loose objects, {redline_objects[1]} packs "
      f"| {mb(git_size)}, {git_objects[0]} loose objects, {git_objects[1]} packs |")
print(f"| ratio to git's after `git gc` | **{redline_size / git_gc_size:.2f}** | {git_size / git_gc_size:.2f} |")
print(f"| after `git gc` | {mb(track_gc_size)} (a copy) | {mb(git_gc_size)} ({ms(git_gc_cpu)} CPU) |")
print()
print(f"captures after which the pack files differed: {len(packed_at)} of {len(captures)} (a capture goes straight into "
      f"the pack holding the versions before it, rewritten); slowest capture of the day: {ms(max(redline_cpu))}")
EOF
