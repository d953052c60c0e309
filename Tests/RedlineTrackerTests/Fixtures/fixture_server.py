"""What the test servers (page_server.py, site_server.py) share: signals, the quiet handler,
listening on 127.0.0.1 on a free port and writing that port to a file once it listens."""
import os
import signal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A test runner may start us with every signal blocked; make SIGTERM stop us again.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
signal.signal(signal.SIGTERM, signal.SIG_DFL)


class QuietHandler(BaseHTTPRequestHandler):
    """A handler that logs nothing to standard error."""

    def log_message(self, *args):
        pass


def serve(handler, port_path):
    """Serves `handler` on 127.0.0.1 forever, the port written to `port_path` (atomically)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    with open(port_path + ".tmp", "w") as port_file:
        port_file.write(str(server.server_address[1]))
    os.rename(port_path + ".tmp", port_path)
    server.serve_forever()
