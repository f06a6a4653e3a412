"""A fake Jira Server / Data Center on loopback.

Every OAuth 1.0a request is verified by oauthlib (an independent RFC 5849 implementation) against the
application link's public key; consumer key, token, timestamp window and nonce are checked, and failures
are answered the way Jira does: 401 with `WWW-Authenticate: OAuth ... oauth_problem="..."`.
Also: personal access tokens, basic auth, remote links with globalId upsert and delete, comments, projects,
myself, serverInfo (anonymous, as Jira answers it, with the deployment type a test chooses), the three OAuth endpoints
of the one-time login, and Data Center service accounts: OAuth 2.0 client credentials at /rest/oauth2/latest/token,
as Atlassian's "Service accounts overview" shows it (a form-encoded POST of grant_type=client_credentials, client_id,
client_secret and scope), READ tokens for reading only, every token for /rest/api/2/ only. Like the fake Jira Cloud
it takes faults (fake_http.FakeServer.fault, hang) and can go down and come back on the same port."""
import base64
import json
import secrets
import time
from email.utils import formatdate
from urllib.parse import parse_qs, unquote, urlparse

from fake_http import FLAVOR_QUESTION, FakeServer, QuietHandler
from oauthlib.common import Request
from oauthlib.oauth1.rfc5849 import signature

CONSUMER_KEY = "jira-ci-consumer"
PAT = "jci-pat-7c1d2e9f40"
USER, PASSWORD = "ci-bot", "jci-password-51b7"
ACCESS_TOKEN = "jci-oauth-access-token-a9e4"
SERVICE_CLIENT_ID = "jci-service-account-id"
SERVICE_CLIENT_SECRET = "jci-service-account-secret-3f8e1b"
BASIC = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()   # the password, as basic auth sends it


class FakeJiraServer(FakeServer):
    def __init__(self, public_key_pem: str, context_path="/jira"):
        self.consumers = {CONSUMER_KEY: public_key_pem}
        self.access_tokens = {ACCESS_TOKEN}
        self.request_tokens = {}     # token -> {"verifier": str, "approved": bool}
        self.issued_access_tokens = []
        self.nonces = set()
        self.clock_offset = 0        # seconds the server's clock is ahead of real time
        self.issues = {"SHOP-1", "SHOP-2"}   # also the projects it shows: one per key prefix
        self.links = {}              # key -> [link]
        self.comments = {}           # key -> [body]
        self.requests = []           # (method, path, scheme)
        self.oauth_verified = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.link_delay = 0.0
        self.version = [9, 12, 0]
        self.deployment_type = "Server"   # what serverInfo answers: Server, DataCenter (or Cloud, for a custom domain)
        self.service_accounts = {SERVICE_CLIENT_ID: (SERVICE_CLIENT_SECRET, "WRITE")}   # client id -> (secret, scope)
        self.service_tokens = {}     # token -> {"scope", "expires"}
        self.token_life = 3600
        self.basic_enabled = True    # Jira 11 turns basic authentication off by default
        self.context_path = context_path
        super().__init__(self._handler())
        self.origin = f"http://127.0.0.1:{self.port}"
        self.url = self.origin + context_path

    def secrets(self):
        """Every credential it accepts, in every form it travels: basic auth's base64 and the lines of the
        application link's private key (when a test gave the fake one as `private_key`) included."""
        key = getattr(self, "private_key", None) or ""
        key_lines = [line for line in key.splitlines() if line and "-----" not in line]
        return [PAT, PASSWORD, ACCESS_TOKEN, BASIC, SERVICE_CLIENT_SECRET, *self.issued_access_tokens, *self.service_tokens, *key_lines]

    def service_env(self, **extra):
        """A Data Center service account's settings."""
        return {"JIRA_URL": self.url, "JIRA_CLIENT_ID": SERVICE_CLIENT_ID, "JIRA_CLIENT_SECRET": SERVICE_CLIENT_SECRET, **extra}

    def approve(self, request_token):
        """What the user does in the browser: approve, and read the verification code Jira shows."""
        with self.lock:
            entry = self.request_tokens[request_token]
            entry["approved"] = True
            return entry["verifier"]

    def count(self, fragment=""):
        with self.lock:
            return sum(1 for r in self.requests if fragment in r[1])

    def api_requests(self):
        """The requests but the anonymous question which Jira this is (asked when nothing else tells jira-ci)."""
        with self.lock:
            return [r for r in self.requests if r[1] != FLAVOR_QUESTION]

    # -- authentication -------------------------------------------------------------------------
    def now(self):
        return time.time() + self.clock_offset

    def _authenticate(self, handler, path, step=None):
        """Returns (user or None, oauth_problem or None, scheme)."""
        header = handler.headers.get("Authorization", "")
        if header.startswith("Bearer ") and header[7:] in self.service_tokens:
            token = self.service_tokens[header[7:]]
            # Service accounts reach /rest/api/2/ only; a READ token only reads.
            allowed = path.startswith("/rest/api/2/") and token["expires"] > time.time() and (
                token["scope"] == "WRITE" or handler.command == "GET")
            return ("service-account" if allowed else None), None, "service-account"
        if header.startswith("Bearer "):
            return (USER if header[7:] == PAT else None), None, "pat"
        if header.startswith("Basic "):
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
            ok = self.basic_enabled and (user, password) == (USER, PASSWORD)
            return (user if ok else None), None, "basic"
        if not header.startswith("OAuth "):
            return None, None, "none"
        params = dict(signature.collect_parameters(headers={"Authorization": header}, exclude_oauth_signature=False))
        problem = self._verify_oauth(handler, header, params, step)
        return (USER if problem is None else None), problem, "oauth"

    def _verify_oauth(self, handler, header, params, step):
        if params.get("oauth_signature_method") != "RSA-SHA1":
            return "signature_method_rejected"
        public_key = self.consumers.get(params.get("oauth_consumer_key"))
        if public_key is None:
            return "consumer_key_unknown"
        try:
            timestamp = int(params.get("oauth_timestamp", "0"))
        except ValueError:
            return "parameter_rejected"
        if abs(timestamp - self.now()) > 300:
            return "timestamp_refused"
        uri = self.origin + handler.path
        query = urlparse(handler.path).query
        request = Request(uri, handler.command, None, {"Authorization": header})
        request.params = signature.collect_parameters(uri_query=query, headers={"Authorization": header},
                                                      exclude_oauth_signature=True)
        request.signature = params.get("oauth_signature", "")
        try:
            verified = signature.verify_rsa_sha1(request, public_key)
        except Exception:
            verified = False
        if not verified:
            return "signature_invalid"
        with self.lock:
            nonce = (params.get("oauth_nonce"), timestamp)
            if nonce in self.nonces:
                return "nonce_used"
            self.nonces.add(nonce)
            self.oauth_verified += 1
            token = params.get("oauth_token")
            if step == "request-token":
                return None if params.get("oauth_callback") == "oob" else "parameter_absent"
            if step == "access-token":
                entry = self.request_tokens.get(token)
                if entry is None:
                    return "token_rejected"
                if not entry["approved"] or params.get("oauth_verifier") != entry["verifier"]:
                    return "permission_unknown"
                return None
            if token not in self.access_tokens:
                return "token_rejected"
        return None

    # -- the server ----------------------------------------------------------------------------------
    def _handler(self):
        fake = self

        class Handler(QuietHandler):
            def date_time_string(self, timestamp=None):
                return formatdate(fake.now(), usegmt=True)

            def _refuse(self, problem):
                realm = fake.origin
                if problem:
                    self.reply(401, f"oauth_problem={problem}".encode(), "text/plain",
                                {"WWW-Authenticate": f'OAuth realm="{realm}", oauth_problem="{problem}"'})
                else:
                    self.reply(401, {"errorMessages": ["You are not authenticated."]})

            def _handle(self, method):
                body = self.read_body()
                path = urlparse(self.path).path
                if not path.startswith(fake.context_path + "/"):
                    return self.reply(404, {"errorMessages": ["not under the context path"]})
                path = path[len(fake.context_path):]
                step = None
                if path.startswith("/plugins/servlet/oauth/"):
                    step = path.rsplit("/", 1)[1]
                user, problem, scheme = fake._authenticate(self, path, step)
                with fake.lock:
                    fake.requests.append((method, path, scheme))
                fault = fake.take_fault(path)
                if fault and self.play(fault):
                    return
                # Any client may ask which Jira this is, and service accounts ask for their tokens unauthenticated.
                if path == "/rest/api/2/serverInfo" and method == "GET":
                    return self.reply(200, {"version": ".".join(map(str, fake.version)), "versionNumbers": fake.version,
                                             "deploymentType": fake.deployment_type})
                if path == "/rest/oauth2/latest/token":
                    return self._service_token(method, body)
                if user is None:
                    return self._refuse(problem)
                if step == "request-token" and method == "POST":
                    token = "rt-" + secrets.token_hex(8)
                    with fake.lock:
                        fake.request_tokens[token] = {"verifier": secrets.token_hex(3), "approved": False}
                    return self.reply(200, f"oauth_token={token}&oauth_token_secret=unused&oauth_callback_confirmed=true".encode(),
                                       "application/x-www-form-urlencoded")
                if step == "access-token" and method == "POST":
                    token = "jci-issued-access-" + secrets.token_hex(8)
                    with fake.lock:
                        fake.access_tokens.add(token)
                        fake.issued_access_tokens.append(token)
                    return self.reply(200, f"oauth_token={token}&oauth_token_secret=unused&oauth_expires_in=157680000".encode(),
                                       "application/x-www-form-urlencoded")
                if path == "/rest/api/2/myself" and method == "GET":
                    if user == "service-account":
                        return self.reply(200, {"name": "svc-jira-ci", "key": "svc-jira-ci", "displayName": "jira-ci service account"})
                    return self.reply(200, {"name": USER, "key": USER, "displayName": "CI Bot"})
                if path == "/rest/api/2/project" and method == "GET":
                    projects = sorted({key.rsplit("-", 1)[0] for key in fake.issues})
                    return self.reply(200, [{"key": project, "name": project.title()} for project in projects])
                parts = path.strip("/").split("/")
                if len(parts) == 6 and parts[:4] == ["rest", "api", "2", "issue"]:
                    key, what = unquote(parts[4]), parts[5]
                    if key not in fake.issues:
                        return self.reply(404, {"errorMessages": ["Issue Does Not Exist"], "errors": {}})
                    if what == "remotelink" and method == "POST":
                        return self._link(key, json.loads(body))
                    if what == "remotelink" and method == "GET":
                        return self.reply(200, fake.links.get(key, []))
                    if what == "remotelink" and method == "DELETE":
                        return self._unlink(key, parse_qs(urlparse(self.path).query).get("globalId", [None])[0])
                    if what == "comment" and method == "POST":
                        with fake.lock:
                            fake.comments.setdefault(key, []).append(json.loads(body)["body"])
                        return self.reply(201, {"id": "1"})
                return self.reply(404, {"errorMessages": [f"no route {method} {path}"]})

            def _service_token(self, method, body):
                """Atlassian's documented request only: a form-encoded POST with every field; anything else is refused
                as a real Jira would (400 invalid_request, 401 invalid_client, 400 invalid_scope)."""
                content_type = self.headers.get("Content-Type", "")
                if method != "POST" or not content_type.startswith("application/x-www-form-urlencoded"):
                    return self.reply(400, {"error": "invalid_request", "error_description": "form-encoded POST expected"})
                fields = {k: v[0] for k, v in parse_qs(body.decode(errors="replace"), keep_blank_values=True).items()}
                if fields.get("grant_type") != "client_credentials":
                    return self.reply(400, {"error": "unsupported_grant_type"})
                account = fake.service_accounts.get(fields.get("client_id"))
                if account is None or account[0] != fields.get("client_secret"):
                    return self.reply(401, {"error": "invalid_client", "error_description": "Client authentication failed"})
                scopes = set((fields.get("scope") or "").split())
                if not scopes or not scopes <= {"READ", "WRITE"} or ("WRITE" in scopes and account[1] != "WRITE"):
                    return self.reply(400, {"error": "invalid_scope", "error_description": "The requested scope is invalid"})
                token = "jci-dc-token-" + secrets.token_hex(12)
                with fake.lock:
                    fake.service_tokens[token] = {"scope": "WRITE" if "WRITE" in scopes else "READ",
                                                  "expires": time.time() + fake.token_life}
                return self.reply(200, {"access_token": token, "token_type": "Bearer", "expires_in": fake.token_life,
                                        "scope": " ".join(sorted(scopes))})

            def _link(self, key, link):
                errors = [f for f in ("globalId",) if not link.get(f)]
                errors += [f"object.{f}" for f in ("url", "title") if not (link.get("object") or {}).get(f)]
                if errors:
                    return self.reply(400, {"errorMessages": [], "errors": {e: "required" for e in errors}})
                with fake.lock:
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                time.sleep(fake.link_delay)
                with fake.lock:
                    fake.in_flight -= 1
                    links = fake.links.setdefault(key, [])
                    for index, existing in enumerate(links):
                        if existing["globalId"] == link["globalId"]:
                            links[index] = dict(link, id=existing["id"])
                            return self.reply(200, {"id": existing["id"], "self": "x"})
                    link = dict(link, id=sum(len(v) for v in fake.links.values()) + 1)
                    links.append(link)
                return self.reply(201, {"id": link["id"], "self": "x"})

            def _unlink(self, key, global_id):
                with fake.lock:
                    links = fake.links.get(key, [])
                    kept = [link for link in links if link["globalId"] != global_id]
                    fake.links[key] = kept
                if len(kept) == len(links):
                    return self.reply(404, {"errorMessages": [f"No remote link with globalId {global_id!r}"], "errors": {}})
                return self.reply(204, b"", None)

            def do_GET(self):
                self._handle("GET")

            def do_POST(self):
                self._handle("POST")

            def do_DELETE(self):
                self._handle("DELETE")

        return Handler
