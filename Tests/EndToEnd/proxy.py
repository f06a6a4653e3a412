"""A forwarding HTTP proxy on loopback that records each request line it forwards."""
import http.client
from urllib.parse import urlsplit

from fake_http import Loopback, QuietHandler


class RecordingProxy(Loopback):
    def __init__(self):
        self.seen = []
        proxy = self

        class Handler(QuietHandler):
            def _forward(self):
                proxy.seen.append(f"{self.command} {self.path}")
                target = urlsplit(self.path)
                body = self.read_body() or None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-connection", "connection")}
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
                connection.request(self.command, target.path + (f"?{target.query}" if target.query else ""), body, headers)
                answer = connection.getresponse()
                data = answer.read()
                kept = {name: value for name, value in answer.getheaders()
                        if name.lower() not in ("transfer-encoding", "connection", "content-length")}
                self.reply(answer.status, data, None, kept)

            do_GET = do_POST = do_DELETE = _forward

        super().__init__(Handler)
        self.url = f"http://127.0.0.1:{self.port}"
