"""A site of many pages that change between requests, for redline's watch of many articles.

    python3 site_server.py SITE.json LOG.jsonl PORTFILE

Listens on 127.0.0.1 on a free port and writes the port to PORTFILE once it listens. SITE maps a
path to its steps: {"/live/a": [{"body": "...", "times": 2}, {"body": "..."}]}: each step is served
for "times" requests (default 1), then the next; the last repeats. Every answer takes "delay"
seconds (the step's, else the site's top-level "delay", default 0.02) so that overlapping
requests overlap on the server. Each
request is appended to LOG as one JSON line: {"path", "host" (the Host header's name, without
the port), "busy" (requests in flight to that host while it was served, itself included)}.
An unknown path is answered 404.
"""
import json
import sys
import threading
import time
from fixture_server import QuietHandler, serve

site = json.load(open(sys.argv[1]))
delay = site.pop("delay", 0.02)
log_path = sys.argv[2]
lock = threading.Lock()
served = {}
in_flight = {}


class Handler(QuietHandler):
    def do_GET(self):
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        with lock:
            in_flight[host] = in_flight.get(host, 0) + 1
            busy = in_flight[host]
            steps = site.get(self.path)
            body = None
            wait = delay
            if steps:
                count = served.get(self.path, 0)
                served[self.path] = count + 1
                for step in steps:
                    count -= step.get("times", 1)
                    if count < 0:
                        break
                body = step["body"]
                wait = step.get("delay", delay)
        time.sleep(wait)
        with lock:
            busy = max(busy, in_flight[host])
            in_flight[host] -= 1
            with open(log_path, "a") as log:
                log.write(json.dumps({"path": self.path, "host": host, "busy": busy}) + "\n")
        data = (body if body is not None else "not here").encode("utf-8")
        try:
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass


serve(Handler, sys.argv[3])
