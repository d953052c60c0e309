#!/usr/bin/env python3
"""One capture of the largest page of the day (issue 17), redline against git, median of RUNS.

    Benchmarks/largest-capture.py CAPTURES REDLINE [RUNS]

CAPTURES is the folder `Benchmarks/day-captures.py` writes (1,000 captures; the last is the
largest page). A track repository is built from captures 801–999 (`redline snap`, a minute apart,
so the store packs as it does over a day) and a git repository holding capture 999; then, each run
on a fresh copy of each: `redline snap` of capture 1000 as it is (it goes straight into the pack),
the same with the packer's lock held by `flock` (as when another process packs: it is written
loose), and `git add` + `git commit` of capture 1000.
CPU is user + sys from wait4, the process and its children.
"""
import datetime, os, shutil, statistics, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from process_cpu import cpu as cpu_seconds, environment as env

captures, redline = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 7
work = tempfile.mkdtemp()


def cpu(argv, cwd=None):
    """Runs argv (in cwd) to its end; its CPU time in milliseconds."""
    return cpu_seconds(argv, cwd) * 1000


try:
    page = lambda n: f"{captures}/{n:04d}.html"
    track, plain = f"{work}/track.git", f"{work}/git"
    subprocess.run([redline, "init", "--repo", track], check=True, capture_output=True)
    start = datetime.datetime(2020, 10, 6, 8, 0)
    for n in range(801, 1000):
        at = (start + datetime.timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
        subprocess.run([redline, "snap", "day", page(n), "--repo", track, "--at", at], check=True, capture_output=True)
    subprocess.run(["git", "init", "-q", plain], check=True)
    shutil.copy(page(999), f"{plain}/page.html")
    subprocess.run("git add page.html && git commit -qm 999", shell=True, cwd=plain, env=env, check=True)
    snap = [redline, "snap", "day", page(1000), "--repo", f"{work}/copy.git", "--at", "2020-10-07T08:00:00Z"]
    packing, quiet, git = [], [], []
    for _ in range(runs):
        for held, into in ((False, packing), (True, quiet)):
            shutil.rmtree(f"{work}/copy.git", ignore_errors=True)
            shutil.copytree(track, f"{work}/copy.git")
            os.makedirs(f"{work}/copy.git/redline/locks", exist_ok=True)
            into.append(cpu((["flock", f"{work}/copy.git/redline/locks/gc.lock"] if held else []) + snap))
        shutil.rmtree(f"{work}/gitcopy", ignore_errors=True)
        shutil.copytree(plain, f"{work}/gitcopy")
        shutil.copy(page(1000), f"{work}/gitcopy/page.html")
        git.append(cpu(["git", "add", "page.html"], cwd=f"{work}/gitcopy") + cpu(["git", "commit", "-qm", "1000"], cwd=f"{work}/gitcopy"))
    print(f"redline snap of the largest page: {statistics.median(packing):.0f} ms of CPU into the pack, "
          f"{statistics.median(quiet):.0f} ms written loose; git add + commit: {statistics.median(git):.0f} ms "
          f"(median of {runs})")
finally:
    shutil.rmtree(work, ignore_errors=True)
