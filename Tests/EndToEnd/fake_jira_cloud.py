"""A fake Jira Cloud on loopback: the OAuth token endpoint, tenant_info, the Builds and Deployments bulk
endpoints, single reads, and gating status. It checks what it receives against the API's rules
(jira_rules.py) and can inject faults: statuses with headers, dropped connections, delays."""
import json
import ssl
import threading
import time
from urllib.parse import urlparse

from fake_http import QuietHandler, serve, start
from jira_rules import bulk_errors

CLIENT_ID = "jci-client-id"
CLIENT_SECRET = "jci-client-secret-8f3a9d"
CLOUD_ID = "11111111-2222-3333-4444-555555555555"


class FakeJiraCloud:
    def __init__(self, tls: ssl.SSLContext = None):
        self.lock = threading.Lock()
        self.requests = []            # (method, path, headers, body bytes)
        self.faults = []              # [path fragment, fault]; the first match is consumed
        self.tokens_issued = []
        self.revoked = set()
        self.expires_in = 3600
        self.known_keys = None        # None: every key exists
        self.builds = {}              # (pipelineId, buildNumber) -> build
        self.deployments = {}         # (pipelineId, environmentId, number) -> deployment
        self.permissions = {"builds": True, "deployments": True}
        self.gating = []              # answers for gating-status: an int status or a dict; the last repeats
        self.site_known = True
        self.server, port = serve(self._handler())
        if tls:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        start(self.server)
        scheme = "https" if tls else "http"
        host = "localhost" if tls else "127.0.0.1"
        self.url = f"{scheme}://{host}:{port}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    # -- test helpers -------------------------------------------------------------------------
    def env(self, **extra):
        env = {"JIRA_CLIENT_ID": CLIENT_ID, "JIRA_CLIENT_SECRET": CLIENT_SECRET, "JIRA_URL": self.url,
               "JIRA_CI_API_URL": self.url}
        env.update(extra)
        return env

    def fault(self, fragment, status=None, headers=None, body=b"", drop=False, delay=0):
        with self.lock:
            self.faults.append([fragment, dict(status=status, headers=headers or {}, body=body, drop=drop, delay=delay)])

    def count(self, fragment=""):
        with self.lock:
            return sum(1 for r in self.requests if fragment in r[1])

    def bodies(self, fragment):
        with self.lock:
            return [json.loads(r[3]) for r in self.requests if fragment in r[1] and r[3]]

    def secrets(self):
        return [CLIENT_SECRET, *self.tokens_issued]

    # -- the server ---------------------------------------------------------------------------
    def _take_fault(self, path):
        with self.lock:
            for index, (fragment, fault) in enumerate(self.faults):
                if fragment in path:
                    del self.faults[index]
                    return fault
        return None

    def _handler(self):
        fake = self

        class Handler(QuietHandler):
            def _handle(self, method):
                body = self.read_body()
                path = urlparse(self.path).path
                with fake.lock:
                    fake.requests.append((method, self.path, dict(self.headers), body))
                fault = fake._take_fault(path)
                if fault:
                    if fault["delay"]:
                        time.sleep(fault["delay"])
                    if fault["drop"]:
                        self.close_connection = True
                        self.connection.shutdown(2)
                        return
                    if fault["status"]:
                        return self.reply(fault["status"], fault["body"], None, fault["headers"])
                route = fake._route(method, path)
                if route is None:
                    return self.reply(404, {"message": f"no route {method} {path}"})
                status, payload, headers = route(self, body)
                self.reply(status, payload, headers=headers)

            def do_GET(self):
                self._handle("GET")

            def do_POST(self):
                self._handle("POST")

            def do_DELETE(self):
                self._handle("DELETE")

        return Handler

    def _route(self, method, path):
        parts = path.strip("/").split("/")
        if method == "POST" and path == "/oauth/token":
            return self._token
        if method == "GET" and path == "/_edge/tenant_info":
            return self._tenant_info
        if len(parts) >= 5 and parts[0] == "jira" and parts[2] == "0.1" and parts[3] == "cloud":
            api, cloud_id, rest = parts[1], parts[4], parts[5:]
            if cloud_id != CLOUD_ID:
                return lambda h, b: (404, {"message": "unknown cloud"}, None)
            if method == "POST" and rest == ["bulk"]:
                return lambda h, b: self._bulk(h, b, api)
            if method == "GET" and rest and rest[-1] == "gating-status":
                return self._gating
            if method == "GET" and rest and rest[0] == "pipelines":
                return lambda h, b: self._read(h, api)
        return None

    def _authorized(self, handler):
        header = handler.headers.get("Authorization", "")
        token = header[len("Bearer "):] if header.startswith("Bearer ") else None
        with self.lock:
            return token in self.tokens_issued and token not in self.revoked

    def _token(self, handler, body):
        try:
            data = json.loads(body)
        except ValueError:
            return 400, {"error": "invalid_request"}, None
        if handler.headers.get("Content-Type", "").split(";")[0] != "application/json":
            return 400, {"error": "invalid_request", "error_description": "JSON body expected"}, None
        if data.get("grant_type") != "client_credentials" or data.get("audience") != "api.atlassian.com":
            return 400, {"error": "invalid_request"}, None
        if data.get("client_id") != CLIENT_ID or data.get("client_secret") != CLIENT_SECRET:
            return 401, {"error": "access_denied", "error_description": "Unauthorized"}, None
        with self.lock:
            token = f"jci-access-token-{len(self.tokens_issued) + 1}-e2c7b1"
            self.tokens_issued.append(token)
        return 200, {"access_token": token, "expires_in": self.expires_in, "token_type": "Bearer",
                     "scope": "write:build-info:jira write:deployment-info:jira"}, None

    def _tenant_info(self, handler, body):
        if not self.site_known:
            return 404, {"message": "Site not found"}, None
        return 200, {"cloudId": CLOUD_ID}, None

    def _bulk(self, handler, body, api):
        if not self._authorized(handler):
            return 401, {"message": "Unauthorized"}, None
        if not self.permissions[api]:
            return 403, {"message": "Forbidden"}, None
        payload = json.loads(body)
        errors = bulk_errors(api, payload)
        if errors:
            return 400, {"errors": [{"message": e} for e in errors]}, None
        accepted, rejected, unknown = [], [], []
        for entity in payload[api]:
            if api == "builds":
                keys = entity["issueKeys"]
                identity = {"pipelineId": entity["pipelineId"], "buildNumber": entity["buildNumber"]}
                store, key = self.builds, (entity["pipelineId"], entity["buildNumber"])
            else:
                keys = [v for a in entity["associations"] if a["associationType"] == "issueIdOrKeys" for v in a["values"]]
                identity = {"pipelineId": entity["pipeline"]["id"], "environmentId": entity["environment"]["id"],
                            "deploymentSequenceNumber": entity["deploymentSequenceNumber"]}
                store, key = self.deployments, (entity["pipeline"]["id"], entity["environment"]["id"],
                                                entity["deploymentSequenceNumber"])
            missing = [k for k in keys if self.known_keys is not None and k not in self.known_keys]
            unknown += missing
            if keys and len(missing) == len(keys):
                rejected.append({"key": identity, "errors": [{"message": "No valid issue keys were provided"}]})
                continue
            accepted.append(identity)
            with self.lock:
                # Jira keeps an update only when its sequence number is strictly greater.
                current = store.get(key)
                if current is None or entity["updateSequenceNumber"] > current["updateSequenceNumber"]:
                    store[key] = entity
        prefix = "Builds" if api == "builds" else "Deployments"
        answer = {f"accepted{prefix}": accepted, f"rejected{prefix}": rejected, "unknownIssueKeys": unknown}
        if api == "deployments":
            answer["unknownAssociations"] = []
        return 202, answer, None

    def _read(self, handler, api):
        if not self._authorized(handler):
            return 401, {"message": "Unauthorized"}, None
        if not self.permissions[api]:
            return 403, {"message": "Forbidden"}, None
        return 404, {"message": "Not found"}, None

    def _gating(self, handler, body):
        if not self._authorized(handler):
            return 401, {"message": "Unauthorized"}, None
        with self.lock:
            answer = self.gating.pop(0) if len(self.gating) > 1 else (self.gating[0] if self.gating else 404)
        if isinstance(answer, int):
            return answer, {"message": "Not found"}, None
        return 200, answer, None
