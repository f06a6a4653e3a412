"""A fake Jira Cloud on loopback: the OAuth token endpoint, tenant_info, the Builds, Deployments and Development
information bulk endpoints, devinfo deletes, single reads, and gating status.

Every bulk body is checked against Atlassian's published schema and the API's documented rules (jira_rules.py)
and refused with 400 as Jira would, so the fake cannot share a misreading with jira-ci. For bad-day tests a test
can inject faults (statuses with headers, dropped connections, delays, hangs, huge or garbage answers: see
fake_http.FakeServer.fault), take the port down and bring it back on the same port, and make every error answer
quote the request's secrets back (`echo_secrets`), as careless servers do."""
import json
import ssl
from urllib.parse import parse_qsl, unquote, urlparse

import jira_rules
from fake_http import FakeServer, QuietHandler

CLIENT_ID = "jci-client-id"
CLIENT_SECRET = "jci-client-secret-8f3a9d"
CLOUD_ID = "11111111-2222-3333-4444-555555555555"
DEVINFO_TYPES = jira_rules.DEVINFO_TYPES
DEVINFO_PATH_TYPES = {"commit": "commits", "branch": "branches", "pull_request": "pullRequests"}
# The list that carries a 400's messages: devinfo as its schema documents; builds and deployments as jira-ci reads it
# (their schema documents a bare array of messages instead).
ERRORS_FIELD = {"builds": "errors", "deployments": "errors", "devinfo": "errorMessages"}
MESSAGE_FIELDS = ("message", "error_description")


class FakeJiraCloud(FakeServer):
    def __init__(self, tls: ssl.SSLContext = None):
        self.requests = []            # (method, path, headers, body bytes)
        self.tokens_issued = []
        self.revoked = set()
        self.expires_in = 3600
        self.known_keys = None        # None: every key exists
        # Unknown keys a build or deployment names in associations come back in unknownIssueKeys; True: in
        # unknownAssociations instead, which the schema's 202 answer also allows.
        self.unknown_as_associations = False
        # False: a Jira from before builds' associations, which refuses the field as an unknown property and
        # requires the deprecated issueKeys (1..100), as the previous description of the API did.
        self.builds_by_association = True
        self.builds = {}              # (pipelineId, buildNumber) -> build
        self.deployments = {}         # (pipelineId, environmentId, number) -> deployment
        self.repositories = {}        # id -> {"repository": fields but entities, "commits"|"branches"|"pullRequests": {id: entity}}
        self.devinfo_requests = []    # {"operationType", "preventTransitions"} as each devinfo request sent them (None: absent)
        self.fail_devinfo_ids = set() # repository or entity ids Jira fails (failedDevinfoEntities)
        self.permissions = {"builds": True, "deployments": True, "devinfo": True}
        self.gating = []              # answers for gating-status: an int status or a dict; the last repeats
        # The benchmark turns this off to time jira-ci, not the validator; every test keeps it on.
        self.validate = True
        self.site_known = True
        self.echo_secrets = False     # every error answer quotes the request's Authorization header and client_secret
        super().__init__(self._handler(), tls)
        scheme = "https" if tls else "http"
        host = "localhost" if tls else "127.0.0.1"
        self.url = f"{scheme}://{host}:{self.port}"

    # -- test helpers -------------------------------------------------------------------------
    def env(self, **extra):
        env = {"JIRA_CLIENT_ID": CLIENT_ID, "JIRA_CLIENT_SECRET": CLIENT_SECRET, "JIRA_URL": self.url,
               "JIRA_CI_API_URL": self.url}
        env.update(extra)
        return env

    def build(self, pipeline, number):
        """The stored build of a pipeline jira-ci names `pipeline` (see conftest.is_path_safe_id_of)."""
        from conftest import is_path_safe_id_of
        with self.lock:
            matches = [b for (pid, n), b in self.builds.items() if n == number and is_path_safe_id_of(pid, pipeline)]
        assert len(matches) == 1, f"no single build {number} of {pipeline!r} among {list(self.builds)}"
        return matches[0]

    def count(self, fragment=""):
        with self.lock:
            return sum(1 for r in self.requests if fragment in r[1])

    def bodies(self, fragment):
        with self.lock:
            return [json.loads(r[3]) for r in self.requests if fragment in r[1] and r[3]]

    def secrets(self):
        return [CLIENT_SECRET, *self.tokens_issued]

    # -- the server ---------------------------------------------------------------------------
    def _handler(self):
        fake = self

        class Handler(QuietHandler):
            def _handle(self, method):
                body = self.read_body()
                path = urlparse(self.path).path
                with fake.lock:
                    fake.requests.append((method, self.path, dict(self.headers), body))
                fault = fake.take_fault(path)
                if fault and self.play(fault):
                    return
                route = fake._route(method, path)
                if route is None:
                    status, payload, headers = 404, {"message": f"no route {method} {path}"}, None
                else:
                    status, payload, headers = route(self, body)
                if fake.echo_secrets and status >= 400:
                    payload = _echoing(payload, _sent_secrets(self, body))
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
        if method == "GET" and path == "/rest/api/2/serverInfo":
            # Any client may ask a Jira Cloud site which Jira it is (the site may have a custom domain).
            return lambda h, b: (200, {"baseUrl": self.url, "deploymentType": "Cloud", "version": "1001.0.0-SNAPSHOT"}, None)
        if len(parts) >= 5 and parts[0] == "jira" and parts[2] == "0.1" and parts[3] == "cloud":
            api, cloud_id, rest = parts[1], parts[4], parts[5:]
            if cloud_id != CLOUD_ID:
                return lambda h, b: (404, {"message": "unknown cloud"}, None)
            if api == "devinfo":
                return self._devinfo_route(method, rest)
            if api not in ("builds", "deployments"):
                return None
            if method == "POST" and rest == ["bulk"]:
                return lambda h, b: self._bulk(h, b, api)
            if method == "GET" and rest and rest[-1] == "gating-status":
                return self._gating
            if method == "GET" and rest and rest[0] == "pipelines":
                return lambda h, b: self._denied(h, api) or (404, {"message": "Not found"}, None)
        return None

    def _devinfo_route(self, method, rest):
        if method == "POST" and rest == ["bulk"]:
            return self._devinfo
        if method == "DELETE" and len(rest) == 4 and rest[0] == "repository" and rest[2] in DEVINFO_PATH_TYPES:
            repository_id, kind, entity_id = unquote(rest[1]), DEVINFO_PATH_TYPES[rest[2]], unquote(rest[3])
            return lambda h, b: self._devinfo_delete(h, repository_id, kind, entity_id)
        return None

    def _denied(self, handler, api=None):
        """401 without a live token, 403 when the credential lacks the API's permission; None when allowed."""
        header = handler.headers.get("Authorization", "")
        token = header[len("Bearer "):] if header.startswith("Bearer ") else None
        with self.lock:
            if token not in self.tokens_issued or token in self.revoked:
                return 401, {"message": "Unauthorized"}, None
        if api and not self.permissions[api]:
            return 403, {"message": "Forbidden"}, None
        return None

    def _token(self, handler, body):
        try:
            data = json.loads(body)
        except ValueError:
            return 400, {"error": "invalid_request", "error_description": "the body is not JSON"}, None
        if handler.headers.get("Content-Type", "").split(";")[0] != "application/json":
            return 400, {"error": "invalid_request", "error_description": "JSON body expected"}, None
        if data.get("grant_type") != "client_credentials" or data.get("audience") != "api.atlassian.com":
            return 400, {"error": "invalid_request", "error_description": "unsupported grant or audience"}, None
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

    def _checked(self, handler, body, api):
        """(payload, None) for an allowed, valid bulk request; otherwise (None, the answer Jira gives)."""
        denied = self._denied(handler, api)
        if denied:
            return None, denied
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            problems = ["$: the body is not a JSON object"]
        elif api == "builds" and not self.builds_by_association and _unknown_build_fields(payload):
            # Refused while reading the body, before any rule, in the schema's documented 400 shape.
            return None, (400, [{"message": message} for message in _unknown_build_fields(payload)], None)
        else:
            problems = jira_rules.errors(api, payload) if self.validate else []
        if problems:
            return None, (400, {ERRORS_FIELD[api]: [{"message": problem} for problem in problems]}, None)
        return payload, None

    def _unknown(self, keys):
        return [key for key in keys if self.known_keys is not None and key not in self.known_keys]

    def _bulk(self, handler, body, api):
        payload, refusal = self._checked(handler, body, api)
        if refusal:
            return refusal
        accepted, rejected, unknown, unknown_associations = [], [], [], []
        for entity in payload[api]:
            if api == "builds":
                identity = {"pipelineId": entity["pipelineId"], "buildNumber": entity["buildNumber"]}
                store, key = self.builds, (entity["pipelineId"], entity["buildNumber"])
            else:
                identity = {"pipelineId": entity["pipeline"]["id"], "environmentId": entity["environment"]["id"],
                            "deploymentSequenceNumber": entity["deploymentSequenceNumber"]}
                store, key = self.deployments, (entity["pipeline"]["id"], entity["environment"]["id"],
                                                entity["deploymentSequenceNumber"])
            listed, associated = entity.get("issueKeys", []), jira_rules.associated_issue_keys(entity)
            keys = jira_rules.issue_keys(entity)
            missing = self._unknown(keys)
            if self.unknown_as_associations:
                unknown += self._unknown(listed)
                missing_associated = self._unknown(associated)
                if missing_associated:
                    unknown_associations.append({"associationType": "issueIdOrKeys", "values": missing_associated})
            else:
                unknown += missing
            # The 202 answer's text: a build associated only with unknown issues is not stored. One with no issue
            # at all is associated with nothing Jira knows either; a deployment may name services alone.
            if (keys or api == "builds") and len(missing) == len(keys):
                rejected.append({"key": identity, "errors": [{"message": "No valid issue keys were provided"}]})
                continue
            accepted.append(identity)
            with self.lock:
                # Jira keeps an update only when its sequence number is strictly greater.
                current = store.get(key)
                if current is None or entity["updateSequenceNumber"] > current["updateSequenceNumber"]:
                    store[key] = entity
        prefix = "Builds" if api == "builds" else "Deployments"
        return 202, {f"accepted{prefix}": accepted, f"rejected{prefix}": rejected, "unknownIssueKeys": unknown,
                     "unknownAssociations": unknown_associations}, None

    def _devinfo(self, handler, body):
        """Stores repositories and their entities. As the schema describes: an entity whose updateSequenceId is not
        newer than the stored one is accepted but not applied (not a failure); keys Jira does not know are listed in
        unknownIssueKeys, and an entity is stored only if it keeps at least one known key. Ids in fail_devinfo_ids
        fail, in the schema's failedDevinfoEntities shape."""
        payload, refusal = self._checked(handler, body, "devinfo")
        if refusal:
            return refusal
        accepted, failed, unknown = {}, {}, []
        with self.lock:
            self.devinfo_requests.append({"operationType": payload.get("operationType"),
                                          "preventTransitions": payload.get("preventTransitions")})
            for repository in payload["repositories"]:
                repository_id = repository["id"]
                if repository_id in self.fail_devinfo_ids:
                    failed[repository_id] = {"errorMessages": [_failure(repository_id)]}
                    continue
                stored = self.repositories.setdefault(repository_id, {"repository": None, **{t: {} for t in DEVINFO_TYPES}})
                fields = {name: value for name, value in repository.items() if name not in DEVINFO_TYPES}
                if _newer(fields, stored["repository"]):
                    stored["repository"] = fields
                for kind in (t for t in DEVINFO_TYPES if t in repository):
                    ids = accepted.setdefault(repository_id, {}).setdefault(kind, [])
                    for entity in repository[kind]:
                        if entity["id"] in self.fail_devinfo_ids:
                            failures = failed.setdefault(repository_id, {}).setdefault(kind, [])
                            failures.append({"id": entity["id"], "errorMessages": [_failure(entity["id"])]})
                            continue
                        ids.append(entity["id"])
                        keys = entity.get("issueKeys", [])
                        missing = self._unknown(keys)
                        unknown += missing
                        if len(missing) < len(keys) and _newer(entity, stored[kind].get(entity["id"])):
                            stored[kind][entity["id"]] = entity
        return 202, {"acceptedDevinfoEntities": accepted, "failedDevinfoEntities": failed,
                     "unknownIssueKeys": list(dict.fromkeys(unknown))}, None

    def _devinfo_delete(self, handler, repository_id, kind, entity_id):
        denied = self._denied(handler, "devinfo")
        if denied:
            return denied
        with self.lock:
            self.repositories.get(repository_id, {}).get(kind, {}).pop(entity_id, None)
        return 202, b"", None

    def _gating(self, handler, body):
        denied = self._denied(handler)
        if denied:
            return denied
        with self.lock:
            answer = self.gating.pop(0) if len(self.gating) > 1 else (self.gating[0] if self.gating else 404)
        if isinstance(answer, int):
            return answer, {"message": "Not found"}, None
        return 200, answer, None


def _unknown_build_fields(body):
    """What a Jira from before builds' associations refuses in a builds body: the field it does not know (in the
    words of its JSON reader) and a build without the issueKeys it still requires."""
    found = []
    for index, build in enumerate(body.get("builds", [])):
        if "associations" in build:
            found.append('Unrecognized field "associations" (class BuildData), not marked as ignorable '
                         f'(through reference chain: SubmitBuildsRequest["builds"]->BuildData[{index}]["associations"])')
        elif "issueKeys" not in build:
            found.append(f"builds[{index}].issueKeys: may not be empty")
    return found


def _newer(entity, stored):
    """Jira applies an update only when its updateSequenceId is greater than the stored one."""
    return stored is None or entity["updateSequenceId"] > stored["updateSequenceId"]


def _failure(entity_id):
    return {"message": f"{entity_id} failed: it is in fail_devinfo_ids"}


def _sent_secrets(handler, body):
    """The request's Authorization header and client_secret, as a careless server quotes them back."""
    try:
        fields = json.loads(body)
    except ValueError:
        fields = dict(parse_qsl(body.decode(errors="replace")))
    quoted = [f"Authorization: {handler.headers['Authorization']}"] if "Authorization" in handler.headers else []
    if isinstance(fields, dict) and "client_secret" in fields:
        quoted.append(f"client_secret={fields['client_secret']}")
    return f" (you sent {'; '.join(quoted)})" if quoted else ""


def _echoing(payload, echo):
    """`payload` with `echo` added to every message in it."""
    if isinstance(payload, dict):
        return {name: value + echo if name in MESSAGE_FIELDS and isinstance(value, str) else _echoing(value, echo)
                for name, value in payload.items()}
    if isinstance(payload, list):
        return [_echoing(value, echo) for value in payload]
    return payload
