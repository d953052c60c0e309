#!/usr/bin/env bash
# Resident memory (and CPU) of `redline watch` polling a ~1 MB live-blog page 100 times.
#
#   Benchmarks/watch-memory.sh [POLLS] [EVERY]     (default 100 polls, every 200ms)
#
#   REDLINE_BIN=path      watch with this redline binary instead of building one
#   REDLINE_SHARED=dir    the shared corpus (default ../shared beside the package)
#   CHANGE_EVERY=n        the page changes on every n-th request (default 5)
#
# A small python3 http.server on 127.0.0.1 (a free port, run in a temporary directory, killed on
# exit) serves /page.html: the NDTV live blog of ../shared/corpus/html (read where it is, never
# copied into the repository), padded to ~1 MB by repeating its 40 entries below the originals,
# each copy under a new id with "(part N)" put before its headline and its text. Request n gets
# version n / CHANGE_EVERY of the page: each version adds one entry on top (a copy of an
# original one, "Update K: " put before its headline and its text) and rewrites the first
# paragraph of one more older entry, so the watcher stores a version on one poll in CHANGE_EVERY
# and finds the others unchanged (100 polls: 20 versions, 80 unchanged). The server sends
# no ETag or Last-Modified: every poll downloads, extracts and compares the whole page.
#
# Then, in a fresh track repository:
#   redline init --repo T
#   redline watch SLUG http://127.0.0.1:PORT/page.html --repo T --every EVERY --count POLLS
# run by a python3 harness that samples VmRSS and VmHWM in /proc/PID/status every 100 ms and
# reaps the process with os.wait4 (its CPU, user + sys, all threads; ru_maxrss, the kernel's
# peak RSS). Prints the peak RSS (VmHWM, ru_maxrss), the RSS of the last sample and the largest
# sampled, the RSS through the run (at a tenth, a quarter, half, three quarters of the samples),
# the CPU and wall time, what the watch log says of its polls, and the versions stored
# (`redline log SLUG --repo T | wc -l`).
set -euo pipefail
cd "$(dirname "$0")/.."
polls=${1:-100}
every=${2:-200ms}
change_every=${CHANGE_EVERY:-5}
shared="${REDLINE_SHARED:-$(cd .. && pwd)/shared}"
page="$shared/corpus/html/ndtv-ind-vs-sl-cwc2023-live.html"
[ -r "$page" ] || { echo "watch-memory.sh: cannot read $page; set REDLINE_SHARED" >&2; exit 2; }

# ---- Building, only when REDLINE_BIN is not given. The benchmarks are moving to their own
# package (Benchmarks/Package.swift): this function is all that needs to change. ----
# redline as it is shipped (see diff-vs-git.sh): static Swift runtime, -no-pie, its own build
# directory. Prints the path of what it built.
build_redline() {
    bash scripts/setup.sh >&2
    swift build -c release --static-swift-stdlib -Xlinker -no-pie --build-path .build-static --product redline >/dev/null
    echo .build-static/release/redline
}
redline=${REDLINE_BIN:-$(build_redline)}
redline=$(cd "$(dirname "$redline")" && pwd)/$(basename "$redline")

work=$(mktemp -d "${TMPDIR:-/tmp}/redline-watch-memory.XXXXXX")
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
mkdir "$work/www"

# The server: page versions built in memory from the corpus page, one per CHANGE_EVERY requests.
cat >"$work/server.py" <<'PY'
import http.server, os, re, sys

source, port_file, change_every = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(source, encoding="utf-8") as f:
    html = f.read()
starts = [m.start() for m in re.finditer(r'<li class="liv-blg_li', html)]
end = html.index("</ul>", starts[-1])
head, tail = html[:starts[0]], html[end:]
entries = [html[a:b] for a, b in zip(starts, starts[1:] + [end])]
# What follows an entry's </li> (an ad slot, a script) stays with the page, not with the copies.
entries = [e[:e.index("</li>") + 5] for e in entries]
between = [html[a + len(e):b] for a, e, b in zip(starts, entries, starts[1:] + [end])]

def retag(entry, new_id):
    """The entry under another id: its element id and its URL anchors."""
    old = re.search(r"id=(\d+)_parent", entry).group(1)
    return (entry.replace(f"id={old}_parent", f"id={new_id}_parent")
                 .replace(f"#{old}", f"#{new_id}").replace(f"%23{old}", f"%23{new_id}"))

def retitle(entry, prefix):
    """The headline (visible title and microdata) with prefix put before it."""
    entry = entry.replace('<div class="liv-blg_ttl">', '<div class="liv-blg_ttl">' + prefix, 1)
    return entry.replace('itemprop="headline" content="', 'itemprop="headline" content="' + prefix, 1)

def rewrite(entry, prefix):
    """The first paragraph of the entry's text (visible and microdata) with prefix put before it."""
    title = entry.index('<div class="liv-blg_ttl">')
    body = entry.index("</div>", title) + len("</div>")
    if entry.startswith("<div>", body):
        body += len("<div>")
    entry = entry[:body] + prefix + entry[body:]
    return re.sub(r'(itemprop="articleBody" content = ")', lambda m: m.group(1) + prefix, entry, count=1)

# Padding: rounds of copies of the 40 entries, below the originals, to ~1 MB.
padding, part = [], 0
while len((head + "".join(entries) + "".join(padding) + tail).encode()) < 1_000_000:
    part += 1
    for i, e in enumerate(entries):
        copy = retag(e, 1000 * part + i)
        padding.append(rewrite(retitle(copy, f"(part {part}) "), f"(part {part}) "))
        if len((head + "".join(entries) + "".join(padding) + tail).encode()) >= 1_000_000:
            break

cache = {}
def page(version):
    """Version v: v new entries on top, and the first paragraph of entries 1…v rewritten."""
    if version not in cache:
        top = [rewrite(retitle(retag(entries[k % len(entries)], 5000 + k), f"Update {k}: "), f"Update {k}: ")
               for k in range(version, 0, -1)]
        body = [rewrite(e, f"Corrected in update {i}: ") if 1 <= i <= version else e
                for i, e in enumerate(entries)]
        text = head + "".join(top) + "".join(e + b for e, b in zip(body, between)) + "".join(padding) + tail
        cache.clear()
        cache[version] = text.encode()
    return cache[version]

requests = 0
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        global requests
        if self.path != "/page.html":
            self.send_error(404)
            return
        data = page(requests // change_every)
        requests += 1
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *args):
        pass

server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(f"{server.server_address[1]} {len(page(0))} {len(page(1))}\n")
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
PY
(cd "$work/www" && exec python3 "$work/server.py" "$page" "$work/port" "$change_every") &
server_pid=$!
for ((i = 0; i < 100; i++)); do [ -e "$work/port" ] && break; sleep 0.1; done
[ -e "$work/port" ] || { echo "watch-memory.sh: the HTTP server did not start" >&2; exit 2; }
read -r port size0 size1 <"$work/port"
url="http://127.0.0.1:$port/page.html"
echo "page: $url, $size0 bytes (version 0), $size1 (version 1); a new version every $change_every requests"

repo="$work/track"
slug=ndtv-ind-vs-sl
"$redline" init --repo "$repo" >/dev/null
echo "redline watch $slug $url --repo T --every $every --count $polls"
python3 - "$work/watch.log" "$redline" watch "$slug" "$url" --repo "$repo" --every "$every" --count "$polls" <<'PY'
import os, sys, time

log, argv = sys.argv[1], sys.argv[2:]
fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
start = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ,
                     file_actions=[(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                                   (os.POSIX_SPAWN_DUP2, fd, 2)])
os.close(fd)
samples = []  # (VmRSS kB, VmHWM kB), every 100 ms while it runs
while True:
    done, status, usage = os.wait4(pid, os.WNOHANG)
    if done:
        break
    try:
        with open(f"/proc/{pid}/status") as f:
            fields = dict(line.split(":", 1) for line in f)
        samples.append((int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])))
    except (OSError, KeyError, ValueError):
        pass  # exiting between wait4 and the read
    time.sleep(0.1)
wall = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
mb = lambda kb: kb / 1024
print(f"exit status {code}; {len(samples)} samples of /proc/PID/status")
if samples:
    print(f"RSS: last sample {mb(samples[-1][0]):.1f} MB, largest sampled {mb(max(r for r, _ in samples)):.1f} MB")
    print("RSS through the run (MB at 10, 25, 50, 75, 100 % of the samples): "
          + ", ".join(f"{mb(samples[max(0, round(len(samples) * q) - 1)][0]):.1f}" for q in (.1, .25, .5, .75, 1)))
    print(f"peak RSS: VmHWM at the last sample {mb(samples[-1][1]):.1f} MB, "
          f"ru_maxrss at exit {mb(usage.ru_maxrss):.1f} MB")
print(f"CPU: {usage.ru_utime + usage.ru_stime:.2f} s (user {usage.ru_utime:.2f}, sys {usage.ru_stime:.2f}); "
      f"wall {wall:.2f} s")
sys.exit(code)
PY
echo "watch log: $(grep -c '' "$work/watch.log") lines; $(grep -c '  version [0-9]' "$work/watch.log" || true) stored," \
     "$(grep -c ' unchanged' "$work/watch.log" || true) unchanged, $(grep -c '  error ' "$work/watch.log" || true) errors," \
     "$(grep -c '  warning: ' "$work/watch.log" || true) warnings"
grep -m 2 '  version [0-9]' "$work/watch.log" | sed 's/^/  /'
echo "versions stored (redline log $slug --repo T | wc -l): $("$redline" log "$slug" --repo "$repo" | wc -l)"
echo "track repository on disk: $(du -sh "$repo" | cut -f1)"
