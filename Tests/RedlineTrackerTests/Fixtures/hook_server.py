"""A webhook receiver for redline's announcement tests.

    python3 hook_server.py STATUSES.json LOG.jsonl PORTFILE

Listens on 127.0.0.1 on a free port and writes the port to PORTFILE once it listens. Each POST is
answered with the next status of STATUSES (a JSON list; the last one repeats), and appended to LOG
as one JSON line: {"status": 500, "type": "application/json", "body": "..."}.
"""
import json
import sys
from fixture_server import QuietHandler, Turns, serve

statuses = Turns(json.load(open(sys.argv[1])), sys.argv[2])


class Handler(QuietHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
        status = statuses.take(lambda status: {"status": status, "type": self.headers.get("Content-Type"), "body": body})
        try:
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except (BrokenPipeError, ConnectionResetError):
            pass


serve(Handler, sys.argv[3])
