#!/usr/bin/env python3
"""The day's largest pages captured one by one (issue 17), redline against git, median of RUNS × 10.

    Benchmarks/largest-capture.py CAPTURES REDLINE [RUNS]

CAPTURES is the folder `Benchmarks/day-captures.py` writes (1,000 captures; the last are the
largest pages, ~1.9 MB). A track repository is built from captures 801–990 (`redline snap`, a
minute apart, so the store is as a day leaves it) and a git repository holding capture 990; then,
each run on a fresh copy of each, captures 991–1000 one after the other: `redline snap` as it is
(each goes straight into the pack), the same with the packer's lock held by `flock` (as when
another process packs: each into a kept pack of its own, after waiting 2 s for the lock), and `git
add` + `git commit`. Ten captures a run, so that
the one in fifty that cuts a delta chain short is counted as often as it happens. CPU is user +
sys from wait4, the process and its children.
"""
import datetime, os, shutil, statistics, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from process_cpu import cpu as cpu_seconds, environment as env

captures, redline = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
work = tempfile.mkdtemp()


def cpu(argv, cwd=None):
    """Runs argv (in cwd) to its end; its CPU time in milliseconds."""
    return cpu_seconds(argv, cwd) * 1000


try:
    page = lambda n: f"{captures}/{n:04d}.html"
    at = lambda n: (datetime.datetime(2020, 10, 6, 8, 0) + datetime.timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
    track, plain = f"{work}/track.git", f"{work}/git"
    subprocess.run([redline, "init", "--repo", track], check=True, capture_output=True)
    for n in range(801, 991):
        subprocess.run([redline, "snap", "day", page(n), "--repo", track, "--at", at(n)], check=True, capture_output=True)
    subprocess.run(["git", "init", "-q", plain], check=True)
    shutil.copy(page(990), f"{plain}/page.html")
    subprocess.run("git add page.html && git commit -qm 990", shell=True, cwd=plain, env=env, check=True)
    packing, quiet, git = [], [], []
    for _ in range(runs):
        for held, into in ((False, packing), (True, quiet)):
            copy = f"{work}/copy.git"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(track, copy)
            os.makedirs(f"{copy}/redline/locks", exist_ok=True)
            lock = ["flock", f"{copy}/redline/locks/gc.lock"] if held else []
            for n in range(991, 1001):
                into.append(cpu(lock + [redline, "snap", "day", page(n), "--repo", copy, "--at", at(n)]))
        shutil.rmtree(f"{work}/gitcopy", ignore_errors=True)
        shutil.copytree(plain, f"{work}/gitcopy")
        for n in range(991, 1001):
            shutil.copy(page(n), f"{work}/gitcopy/page.html")
            git.append(cpu(["git", "add", "page.html"], cwd=f"{work}/gitcopy") + cpu(["git", "commit", "-qm", str(n)], cwd=f"{work}/gitcopy"))
    print(f"redline snap of the largest pages: {statistics.median(packing):.0f} ms of CPU a capture into the pack "
          f"(max {max(packing):.0f}), {statistics.median(quiet):.0f} ms into a pack of its own (another process packing); git add + commit: "
          f"{statistics.median(git):.0f} ms (medians of {runs} × 10)")
finally:
    shutil.rmtree(work, ignore_errors=True)
