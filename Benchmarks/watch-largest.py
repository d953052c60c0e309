#!/usr/bin/env python3
"""`redline watch` over the day's largest pages (issue 17), against git in the same run.

    Benchmarks/watch-largest.py CAPTURES REDLINE [FIRST]

CAPTURES is the folder `Benchmarks/day-captures.py` writes (1,000 captures). A server on
127.0.0.1 answers each request with the next capture, FIRST (950 by default) to 1000, so that
every poll of `redline watch day URL --every 100ms --count N` stores a new version, one process
capturing them all as a newsroom's watcher does. Against it: `git add` + `git commit` of the
same captures, one after the other, in a fresh repository. CPU is user + sys from wait4.
"""
import http.server, os, shutil, subprocess, sys, tempfile, threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from process_cpu import cpu

captures, redline = sys.argv[1], sys.argv[2]
first = int(sys.argv[3]) if len(sys.argv) > 3 else 950
pages = [f"{captures}/{n:04d}.html" for n in range(first, 1001)]
served = iter(pages)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = open(next(served, pages[-1]), "rb").read()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *arguments):
        pass


work = tempfile.mkdtemp()
server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
try:
    track, plain = f"{work}/track.git", f"{work}/git"
    cpu([redline, "init", "--repo", track])
    url = f"http://127.0.0.1:{server.server_address[1]}/live"
    watch = [redline, "watch", "day", url, "--every", "100ms", "--count", str(len(pages)), "--repo", track]
    watched = cpu(["sh", "-c", '"$@" 2>/dev/null', "sh"] + watch)   # its log: one line a poll
    versions = int(subprocess.run(["git", "--git-dir", track, "rev-list", "--count", "articles/day"],
                                  capture_output=True, text=True).stdout)
    subprocess.run(["git", "init", "-q", plain], check=True)
    git = 0.0
    for n, page in enumerate(pages):
        shutil.copy(page, f"{plain}/page.html")
        git += cpu(["git", "add", "page.html"], cwd=plain) + cpu(["git", "commit", "-qm", str(n)], cwd=plain)
    packs = len([f for f in os.listdir(f"{track}/objects/pack") if f.endswith(".pack")])
    print(f"redline watch: {len(pages)} polls, {versions} versions, {watched:.2f} s of CPU, "
          f"{watched / len(pages) * 1000:.0f} ms a capture, {packs} pack(s) at the end; "
          f"git add + commit of the same captures: {git / len(pages) * 1000:.0f} ms a capture")
finally:
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)
