"""What the test servers (page_server.py, site_server.py) share: signals, the quiet handler,
listening on 127.0.0.1 on a free port and writing that port to a file once it listens."""
import json
import os
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A test runner may start us with every signal blocked; make SIGTERM stop us again.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
signal.signal(signal.SIGTERM, signal.SIG_DFL)


class QuietHandler(BaseHTTPRequestHandler):
    """A handler that logs nothing to standard error."""

    def log_message(self, *args):
        pass


class Turns:
    """The items of a list handed out one a request, in turn (the last one repeats), each turn
    appended to a log as one JSON line."""

    def __init__(self, items, log_path):
        self.items = items
        self.log_path = log_path
        self.lock = threading.Lock()
        self.position = 0

    def take(self, entry):
        """The next item; `entry(item)` is the log's line for it."""
        with self.lock:
            item = self.items[min(self.position, len(self.items) - 1)]
            self.position += 1
            with open(self.log_path, "a") as log:
                log.write(json.dumps(entry(item)) + "\n")
        return item


def serve(handler, port_path):
    """Serves `handler` on 127.0.0.1 forever, the port written to `port_path` (atomically)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    with open(port_path + ".tmp", "w") as port_file:
        port_file.write(str(server.server_address[1]))
    os.rename(port_path + ".tmp", port_path)
    server.serve_forever()
