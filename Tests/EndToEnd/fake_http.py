"""What every fake server of the tests shares: a quiet HTTP/1.1 handler, replies, serving on a loopback port that
can go down and come back, and the faults a test injects (statuses, dropped connections, hangs, raw bytes)."""
import json
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


# Which kind of Jira a site is: asked anonymously by jira-ci when neither --flavor nor the host tells.
FLAVOR_QUESTION = "/rest/api/2/serverInfo"


class QuietHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # An answer goes out as several small writes (status and headers, then the body): with Nagle's algorithm on,
    # each waits for the client's delayed ACK, about 40 ms an answer, which a real Jira does not cost.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def reply(self, status, body=b"", content_type="application/json", headers=None):
        """Sends `body` (bytes as they are, anything else as JSON) with its length and extra headers; a Date among
        them replaces the server's own, so a test can send an odd one."""
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
        headers = dict(headers or {})
        self.send_response_only(status)
        self.send_header("Server", self.version_string())
        if not any(name.lower() == "date" for name in headers):
            self.send_header("Date", self.date_time_string())
        if content_type:
            self.send_header("Content-Type", content_type)
        if status != 204:   # a 204 has no body and must not announce one
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def play(self, fault):
        """Answers with `fault` instead of the real answer; False when the fault only delays the real one."""
        time.sleep(fault["delay"])
        if fault["hang"]:
            self.server.stopped.wait()
        elif fault["drop"]:
            self.connection.shutdown(socket.SHUT_RDWR)
        elif fault["raw"] is not None:
            self.wfile.write(fault["raw"])
        elif fault["status"]:
            self.reply(fault["status"], fault["body"], None, fault["headers"])
            return True
        else:
            return False
        self.close_connection = True
        return True


class _Server(ThreadingHTTPServer):
    """A threaded HTTP server that knows its open connections, so going down can cut them like a real outage."""
    daemon_threads = True

    def __init__(self, port, handler_class):
        self.connections = set()
        self.stopped = threading.Event()   # set when it goes down: hanging answers give up
        super().__init__(("127.0.0.1", port), handler_class)

    def process_request(self, request, client_address):
        self.connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        self.connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request, client_address):
        # A client that gives up (a timeout, a body too large to read) is part of the tests, not an error.
        if not isinstance(sys.exc_info()[1], (ConnectionError, ssl.SSLError)):
            super().handle_error(request, client_address)


class Loopback:
    """Serves a handler class on a loopback port in daemon threads. `go_down()` closes the port (connections are
    refused, open ones cut) and `come_back()` serves again on the same port, so a fake's URL stays valid."""

    def __init__(self, handler_class, tls: ssl.SSLContext = None):
        self.handler_class = handler_class
        self.tls = tls
        self.port = 0
        self.server = None
        self.come_back()

    def come_back(self):
        # The first time on a free port, then on the same one: HTTPServer binds with SO_REUSEADDR, so the port is
        # free again at once despite connections left in TIME_WAIT.
        server = _Server(self.port, self.handler_class)
        if self.tls:
            server.socket = self.tls.wrap_socket(server.socket, server_side=True)
        self.port = server.server_address[1]
        self.server = server
        # Polling for shutdown every 50 ms (not the default 500) keeps closing a fake fast.
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()

    def go_down(self):
        server, self.server = self.server, None
        if server is None:
            return
        server.stopped.set()
        server.shutdown()
        server.server_close()
        for connection in list(server.connections):
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def close(self):
        self.go_down()


class FakeServer(Loopback):
    """A fake Jira: a loopback server plus faults. A fault matches the first request whose path contains its
    fragment and is consumed by it."""

    def __init__(self, handler_class, tls: ssl.SSLContext = None):
        self.lock = threading.Lock()
        self.faults = []              # [path fragment, fault]
        super().__init__(handler_class, tls)

    def fault(self, fragment, status=None, headers=None, body=b"", drop=False, delay=0, hang=False, raw=None):
        """status/headers/body: answer that instead; drop: cut the connection; delay: wait first (then answer
        normally unless something else is given); hang: read the request, never answer (until the fake goes down or
        closes); raw: send these bytes as they are instead of an HTTP answer (garbage), then close."""
        with self.lock:
            self.faults.append([fragment, dict(status=status, headers=headers or {}, body=body, drop=drop,
                                               delay=delay, hang=hang, raw=raw)])

    def hang(self, fragment):
        self.fault(fragment, hang=True)

    def take_fault(self, path):
        """The first fault aimed at `path`. A fault aimed at a part of the API ("/rest/api/2/") leaves the anonymous
        flavour question (serverInfo) alone, as it leaves the fake's other plumbing: a test faults that question
        by naming it."""
        with self.lock:
            for index, (fragment, fault) in enumerate(self.faults):
                if fragment in path and (path != FLAVOR_QUESTION or "serverInfo" in fragment):
                    del self.faults[index]
                    return fault
        return None
