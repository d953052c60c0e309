"""A page that changes between requests, for redline's fetch and watch tests.

    python3 page_server.py STEPS.json LOG.jsonl PORTFILE

Listens on 127.0.0.1 on a free port and writes the port to PORTFILE once it listens. Each request
takes the next step of STEPS (the last one repeats): {"status": 200, "body": "...", "etag": "a",
"gzip": false, "deflate": null ("zlib" or "raw"), "cut": null (bytes of the compressed body sent), "delay": 0, "type": "text/html; charset=utf-8", "encoding": "utf-8", "location": null}: the
body is sent in "encoding" (a Python codec) under Content-Type "type"; a "location" is sent as the
Location header (with a 3xx status, a redirect). A step with an etag that the request names in If-None-Match is answered
304. Every request's headers are appended to LOG as one JSON line.
"""
import gzip
import json
import zlib
import sys
import time
from fixture_server import QuietHandler, Turns, serve

steps = Turns(json.load(open(sys.argv[1])), sys.argv[2])


class Handler(QuietHandler):
    def do_GET(self):
        step = steps.take(lambda _: {k.lower(): v for k, v in self.headers.items()})
        time.sleep(step.get("delay", 0))
        etag = step.get("etag")
        if etag and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        body = step.get("body", "").encode(step.get("encoding") or "utf-8")
        if step.get("gzip"):
            body = gzip.compress(body)
        if step.get("deflate") == "zlib":
            body = zlib.compress(body)
        elif step.get("deflate") == "raw":
            squeezer = zlib.compressobj(wbits=-15)
            body = squeezer.compress(body) + squeezer.flush()
        if step.get("cut"):
            body = body[:step["cut"]]   # a compressed body cut short, its Content-Length cut to match
        try:
            self.send_response(step.get("status", 200))
            self.send_header("Content-Type", step.get("type", "text/html; charset=utf-8"))
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            if step.get("location"):
                self.send_header("Location", step["location"])
            if step.get("retryAfter"):
                self.send_header("Retry-After", step["retryAfter"])
            if step.get("gzip"):
                self.send_header("Content-Encoding", "gzip")
            if step.get("deflate"):
                self.send_header("Content-Encoding", "deflate")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


serve(Handler, sys.argv[3])
