#!/usr/bin/env bash
# CPU time (user + sys) of redline's differ against git's best, whole process, on the same
# realistic live-blog pair, alternating in one run; wall time as secondary information.
#
#   Benchmarks/diff-vs-git.sh [RUNS] [MB]   (default 21 runs of each, MB: size of the pair, default 2)
#
#   REDLINE_BIN=path            time this redline binary instead of building one
#   PAIR_BENCH=path             write the pair with this redline-diff-bench instead of building one
#   REDLINE_BIN_BASELINE=path   also time a second redline (e.g. the build before a change) in the
#                               same alternation: before, after and git measured in one run
#   REDLINE_SHARED=dir          the shared corpus (default ../shared beside the package)
#
#   e.g. REDLINE_BIN=/tmp/after/redline REDLINE_BIN_BASELINE=/tmp/before/redline \
#        PAIR_BENCH=/tmp/before/redline-diff-bench Benchmarks/diff-vs-git.sh 7 20
#
# The pair comes from redline-diff-bench --write-pair (built from ../shared/corpus/liveblogs:
# entries added on top, paragraphs edited, removed, moved, moved and edited, swapped), as plain
# text: one block per paragraph, blank lines between. Each run is a whole process, its output
# thrown away:
#   redline diff --files OLD NEW --format json >/dev/null
#   git diff --no-index --histogram --color-moved=zebra --word-diff=plain OLD NEW >/dev/null
# The commands take turns, round by round (the order rotated each round so none always runs
# first), after one untimed warm-up run of each. A small python3 harness starts each process
# with posix_spawn and reaps it with os.wait4, whose rusage is that process's CPU, all its
# threads, user + sys (the kernel's per-task runtime, to the microsecond; only the split between
# user and sys is sampled by tick). CPU time does not credit redline for running on two cores at
# once; wall time, printed beside it, does, and moves with the load of a shared machine.
# Prints the median CPU (and its user / sys medians) and the median wall time of each command,
# and the ratios of the CPU medians (≤ 1.0: redline takes at most git's CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
megabytes=${2:-2}
shared="${REDLINE_SHARED:-$(cd .. && pwd)/shared}"
# redline-diff-bench finds the corpus beside the package it was built from, or at $REDLINE_CORPUS.
export REDLINE_CORPUS="${REDLINE_CORPUS:-$shared/corpus/liveblogs}"

# ---- Building, only for the binaries not given above. The benchmarks are moving to their own
# package (Benchmarks/Package.swift): these two functions are all that needs to change. ----
# redline as it is shipped: a release build with the Swift runtime and Foundation linked in
# (--static-swift-stdlib), which starts without resolving some 20,000 symbols across 60 shared
# libraries, at a fixed address (-no-pie: none of its 85,000 pointers to relocate at start).
# It lives in its own build directory. Each function prints the path of what it built.
build_redline() {
    bash scripts/setup.sh >&2
    swift build -c release --static-swift-stdlib -Xlinker -no-pie --build-path .build-static --product redline >/dev/null
    echo .build-static/release/redline
}
build_pair_bench() {
    bash scripts/setup.sh >&2
    swift build -c release --package-path Benchmarks --product redline-diff-bench >/dev/null
    echo Benchmarks/.build/release/redline-diff-bench
}

redline=${REDLINE_BIN:-$(build_redline)}
bench=${PAIR_BENCH:-$(build_pair_bench)}
baseline=${REDLINE_BIN_BASELINE:-}

work=$(mktemp -d "${TMPDIR:-/tmp}/redline-diff-vs-git.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$bench" --write-pair "$work" "$megabytes" >/dev/null
old="$work/old.txt" new="$work/new.txt"
echo "pair: $(wc -c <"$old") and $(wc -c <"$new") bytes ($megabytes MB); $(git --version)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# Each redline must actually run the command (an old CLI may not have `diff --files`).
check() {  # check BIN OUT
    if ! "$1" diff --files "$old" "$new" --format json >"$2" 2>"$work/err.txt" \
        || ! grep -q '"schemaVersion"' "$2"; then
        echo "$1: redline diff --files does not run here:" >&2
        head -3 "$work/err.txt" >&2
        exit 2
    fi
}
check "$redline" "$work/out.json"
if [ -n "$baseline" ]; then
    check "$baseline" "$work/out-baseline.json"
    if cmp -s "$work/out.json" "$work/out-baseline.json"; then
        echo "redline and the baseline print the same JSON"
    else
        echo "note: redline and the baseline print different JSON"
    fi
fi

python3 - "$runs" "$old" "$new" "$redline" "$baseline" <<'PY'
import os, statistics, sys, time

runs = int(sys.argv[1])
old, new, redline, baseline = sys.argv[2:6]
commands = [("redline", [redline, "diff", "--files", old, new, "--format", "json"], (0,))]
if baseline:
    commands.append(("baseline", [baseline, "diff", "--files", old, new, "--format", "json"], (0,)))
commands.append(("git", ["git", "diff", "--no-index", "--histogram", "--color-moved=zebra",
                         "--word-diff=plain", old, new], (0, 1)))  # git exits 1 on differences

devnull = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
           (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]

def run(argv, ok):
    """One whole process: (user s, sys s, wall s)."""
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=devnull)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        sys.exit(f"{argv[0]} exited with {code}")
    return usage.ru_utime, usage.ru_stime, wall

for _, argv, ok in commands:  # warm-up: page cache, binaries mapped
    run(argv, ok)
times = {label: [] for label, _, _ in commands}
for i in range(runs):
    k = i % len(commands)
    for label, argv, ok in commands[k:] + commands[:k]:
        times[label].append(run(argv, ok))

ms = lambda seconds: seconds * 1e3
cpu = {label: statistics.median(u + s for u, s, _ in t) for label, t in times.items()}
wall = {label: statistics.median(w for _, _, w in t) for label, t in times.items()}
names = {"redline": "redline diff --files --format json",
         "baseline": "baseline redline (REDLINE_BIN_BASELINE)",
         "git": "git diff --no-index --histogram --color-moved=zebra --word-diff=plain"}
print(f"medians of {runs} runs each, in ms:")
print(f"  {'':10} {'CPU':>8} {'(user':>8} {'sys)':>7} {'min CPU':>8} {'max CPU':>8} {'wall':>8}")
for label, t in times.items():
    all_cpu = [u + s for u, s, _ in t]
    print(f"  {label:10} {ms(cpu[label]):8.1f} {ms(statistics.median(u for u, _, _ in t)):8.1f}"
          f" {ms(statistics.median(s for _, s, _ in t)):7.1f} {ms(min(all_cpu)):8.1f}"
          f" {ms(max(all_cpu)):8.1f} {ms(wall[label]):8.1f}   {names[label]}")
print(f"CPU ratio redline / git: {cpu['redline'] / cpu['git']:.2f}"
      f"   (wall: {wall['redline'] / wall['git']:.2f})")
if baseline:
    print(f"CPU ratio baseline / git: {cpu['baseline'] / cpu['git']:.2f}"
          f"   (wall: {wall['baseline'] / wall['git']:.2f})")
    print(f"CPU ratio redline / baseline: {cpu['redline'] / cpu['baseline']:.2f}"
          f"   (wall: {wall['redline'] / wall['baseline']:.2f})")
PY
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "redline's summary: $(sed -n '/"summary"/,/}/p' "$work/out.json" | tr -d ' \n')"
