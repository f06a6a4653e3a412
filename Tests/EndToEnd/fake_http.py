"""What every fake server of the tests shares: a quiet HTTP/1.1 handler, replies, and serving on loopback."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def reply(self, status, body=b"", content_type="application/json", headers=None):
        """Sends `body` (bytes as they are, anything else as JSON) with its length and extra headers."""
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def serve(handler_class):
    """A threaded server on a free loopback port, serving in the background; returns (server, port)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    server.daemon_threads = True
    return server, server.server_address[1]


def start(server):
    threading.Thread(target=server.serve_forever, daemon=True).start()
