"""The fakes themselves, without jira-ci: a test against jira-ci is only as good as the fake it runs against, so
each rule and each bad-day behaviour a test relies on is shown here to do what it says."""
import http.client
import json
import time
import urllib.error
import urllib.request

import pytest

from atlassian_schema import response_errors
from fake_jira_cloud import CLIENT_ID, CLIENT_SECRET, CLOUD_ID, FakeJiraCloud
from fake_jira_server import PAT, FakeJiraServer


def call(method, url, body=None, headers=None, timeout=5):
    """(status, headers, body bytes) of one request; a JSON-able body is sent as JSON."""
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(url, data, {"Content-Type": "application/json", **(headers or {})}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def bearer(cloud):
    status, _, body = call("POST", f"{cloud.url}/oauth/token", {"audience": "api.atlassian.com",
                           "grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET})
    assert status == 200
    return {"Authorization": f"Bearer {json.loads(body)['access_token']}"}


def bulk(cloud, api, body, headers=None):
    status, _, answer = call("POST", f"{cloud.url}/jira/{api}/0.1/cloud/{CLOUD_ID}/bulk", body,
                             headers if headers is not None else bearer(cloud))
    return status, json.loads(answer) if answer else None


def minimal_build(**changes):
    """A build as Atlassian's current description has it: its issues in an association."""
    build = {"pipelineId": "shop", "buildNumber": 1, "updateSequenceNumber": 1, "displayName": "shop #1",
             "url": "https://ci.example.com/shop/1", "state": "successful", "lastUpdated": "2024-05-01T10:00:00Z",
             "associations": [issues("SHOP-1")], **changes}
    return {name: value for name, value in build.items() if value is not None}


def issues(*keys):
    return {"associationType": "issueIdOrKeys", "values": list(keys)}


def commit(sha, keys=("SHOP-1",), sequence=1):
    return {"id": sha, "issueKeys": list(keys), "updateSequenceId": sequence, "message": "SHOP-1 add cart",
            "author": {"name": "Test", "email": "t@example.com"}, "authorTimestamp": "2024-05-01T10:00:00Z",
            "displayId": sha[:7], "fileCount": 1, "url": f"https://github.com/acme/shop/commit/{sha}"}


def branch(name, sequence=1):
    return {"id": name, "issueKeys": ["SHOP-1"], "updateSequenceId": sequence, "name": name,
            "lastCommit": commit("a" * 40), "url": f"https://github.com/acme/shop/tree/{name}"}


def devinfo(*repositories, **options):
    return {"repositories": list(repositories), **options}


def repository(commits=(), branches=(), repository_id="acme-shop", sequence=1):
    return {"id": repository_id, "name": "shop", "url": "https://github.com/acme/shop", "updateSequenceId": sequence,
            "commits": list(commits), "branches": list(branches)}


# -- the schema as the fake Jira Cloud's rule ---------------------------------------------------
def test_cloud_accepts_a_minimal_valid_build(cloud):
    status, answer = bulk(cloud, "builds", {"builds": [minimal_build()]})
    assert status == 202, answer
    assert answer["acceptedBuilds"] == [{"pipelineId": "shop", "buildNumber": 1}]
    assert response_errors("builds", 202, answer) == []
    assert ("shop", 1) in cloud.builds


def test_cloud_accepts_a_build_with_the_deprecated_issue_keys(cloud):
    status, answer = bulk(cloud, "builds", {"builds": [minimal_build(associations=None, issueKeys=["SHOP-1"])]})
    assert status == 202 and answer["acceptedBuilds"] == [{"pipelineId": "shop", "buildNumber": 1}], answer


def test_cloud_rejects_101_build_issue_keys(cloud):
    keys = [f"SHOP-{n}" for n in range(1, 102)]
    status, answer = bulk(cloud, "builds", {"builds": [minimal_build(associations=None, issueKeys=keys)]})
    assert status == 400
    [error] = answer["errors"]
    assert error["message"].startswith("$.builds[0].issueKeys: ") and "is too long" in error["message"]
    assert cloud.builds == {}


@pytest.mark.parametrize("associations, where", [
    ([issues(*(f"SHOP-{n}" for n in range(1, 502)))], "$.builds[0].associations[0].values: "),
    ([issues(*(f"SHOP-{n}" for n in range(1, 301))), issues(*(f"OPS-{n}" for n in range(1, 202)))],
     "$.builds[0].associations: 501 values in all; at most 500 are allowed"),
])
def test_cloud_refuses_more_than_500_association_values_of_a_build(cloud, associations, where):
    status, answer = bulk(cloud, "builds", {"builds": [minimal_build(associations=associations)]})
    assert status == 400
    assert any(error["message"].startswith(where) for error in answer["errors"]), answer
    assert cloud.builds == {}
    many = [issues(*(f"SHOP-{n}" for n in range(1, 301))), issues(*(f"OPS-{n}" for n in range(1, 201)))]
    assert bulk(cloud, "builds", {"builds": [minimal_build(associations=many)]})[0] == 202


def test_cloud_does_not_store_a_build_that_names_no_issue(cloud):
    """Neither field is required by the schema; the 202 answer's text says a build associated with no issue Jira
    knows is not stored, and one that names none is such a build."""
    status, answer = bulk(cloud, "builds", {"builds": [minimal_build(associations=None)]})
    assert status == 202 and answer["acceptedBuilds"] == [], answer
    assert answer["rejectedBuilds"][0]["key"] == {"pipelineId": "shop", "buildNumber": 1}
    assert response_errors("builds", 202, answer) == [] and cloud.builds == {}


def test_an_older_cloud_refuses_builds_associations_naming_the_field(cloud):
    cloud.builds_by_association = False
    status, answer = bulk(cloud, "builds", {"builds": [minimal_build()]})
    assert status == 400 and response_errors("builds", 400, answer) == []   # the schema's bare list of messages
    [error] = answer
    assert error["message"].startswith('Unrecognized field "associations"'), answer
    assert bulk(cloud, "builds", {"builds": [minimal_build(associations=None)]})[0] == 400   # issueKeys required
    status, answer = bulk(cloud, "builds", {"builds": [minimal_build(associations=None, issueKeys=["SHOP-1"])]})
    assert status == 202 and ("shop", 1) in cloud.builds, answer


def test_cloud_can_list_unknown_keys_sent_in_associations_as_unknown_associations(cloud):
    cloud.known_keys = {"SHOP-1"}
    body = {"builds": [minimal_build(associations=[issues("SHOP-1", "UTF-8")])]}
    assert bulk(cloud, "builds", body)[1]["unknownIssueKeys"] == ["UTF-8"]
    cloud.unknown_as_associations = True
    status, answer = bulk(cloud, "builds", body)
    assert status == 202 and response_errors("builds", 202, answer) == [], answer
    assert answer["unknownIssueKeys"] == [] and answer["unknownAssociations"] == [issues("UTF-8")]


def test_cloud_rejects_what_the_schema_refuses_and_names_where(cloud):
    status, answer = bulk(cloud, "builds", {"builds": [minimal_build(state="green", lastUpdated="yesterday")]})
    assert status == 400
    messages = [error["message"] for error in answer["errors"]]
    assert messages == ["$.builds[0].lastUpdated: 'yesterday' is not a 'date-time'",
                        "$.builds[0].state: 'green' is not one of ['pending', 'in_progress', 'successful', 'failed', "
                        "'cancelled', 'unknown']"]


# -- development information --------------------------------------------------------------------
def test_devinfo_stores_entities_and_answers_in_the_schemas_shape(cloud):
    cloud.known_keys = {"SHOP-1"}
    cloud.fail_devinfo_ids = {"b" * 40}
    body = devinfo(repository([commit("a" * 40, keys=("SHOP-1", "UTF-8")), commit("b" * 40), commit("c" * 40, keys=("CVE-2021",))],
                              [branch("feature~SHOP-1")]),
                   preventTransitions=True, operationType="BACKFILL")
    status, answer = bulk(cloud, "devinfo", body)
    assert status == 202, answer
    assert response_errors("devinfo", 202, answer) == []
    assert answer["acceptedDevinfoEntities"] == {"acme-shop": {"commits": ["a" * 40, "c" * 40], "branches": ["feature~SHOP-1"]}}
    assert answer["failedDevinfoEntities"] == {"acme-shop": {"commits": [
        {"id": "b" * 40, "errorMessages": [{"message": f"{'b' * 40} failed: it is in fail_devinfo_ids"}]}]}}
    assert answer["unknownIssueKeys"] == ["UTF-8", "CVE-2021"]
    stored = cloud.repositories["acme-shop"]
    assert set(stored["commits"]) == {"a" * 40}          # c has no known key: accepted, stored against nothing
    assert set(stored["branches"]) == {"feature~SHOP-1"}
    assert stored["repository"] == {"id": "acme-shop", "name": "shop", "url": "https://github.com/acme/shop", "updateSequenceId": 1}
    assert cloud.devinfo_requests == [{"operationType": "BACKFILL", "preventTransitions": True}]


def test_devinfo_applies_only_newer_updates_without_failing_older_ones(cloud):
    assert bulk(cloud, "devinfo", devinfo(repository([commit("a" * 40, sequence=5)])))[0] == 202
    newer = commit("a" * 40, sequence=6) | {"message": "newer"}
    older = commit("a" * 40, sequence=4) | {"message": "older"}
    assert bulk(cloud, "devinfo", devinfo(repository([newer])))[0] == 202
    status, answer = bulk(cloud, "devinfo", devinfo(repository([older])))
    assert status == 202 and answer["failedDevinfoEntities"] == {}
    assert answer["acceptedDevinfoEntities"] == {"acme-shop": {"commits": ["a" * 40], "branches": []}}
    assert cloud.repositories["acme-shop"]["commits"]["a" * 40]["message"] == "newer"
    assert cloud.devinfo_requests == [{"operationType": None, "preventTransitions": None}] * 3


@pytest.mark.parametrize("body, where", [
    (devinfo(*[repository(repository_id=f"r{n}") for n in range(101)]), "$.repositories: "),
    (devinfo(repository([commit(f"{n:040x}") for n in range(401)])), "$.repositories[0].commits: "),
    (devinfo(repository(branches=[branch(f"b{n}") for n in range(401)])), "$.repositories[0].branches: "),
    (devinfo(*[repository([commit(f"{r}{n:039x}") for n in range(334)], repository_id=f"r{r}") for r in range(3)]),
     "$.repositories: 1002 entities in one request; at most 1000"),
    (devinfo(repository(repository_id="github.com/acme/shop")), "$.repositories[0].id: "),
    (devinfo(repository([commit("a" * 40, keys=("1SHOP-1",))])), "$.repositories[0].commits[0].issueKeys[0]: "),
])
def test_devinfo_limits_are_refused_with_400(cloud, body, where):
    status, answer = bulk(cloud, "devinfo", body)
    assert status == 400
    assert response_errors("devinfo", 400, answer) == []
    assert any(error["message"].startswith(where) for error in answer["errorMessages"]), answer
    assert cloud.repositories == {}


def test_devinfo_deletes_decode_their_path_segments(cloud):
    bulk(cloud, "devinfo", devinfo(repository([commit("a" * 40)], [branch("feature~SHOP-1"), branch("main")])))
    base = f"{cloud.url}/jira/devinfo/0.1/cloud/{CLOUD_ID}/repository/acme-shop"
    assert call("DELETE", f"{base}/branch/feature%7ESHOP-1", headers=bearer(cloud))[0] == 202
    assert call("DELETE", f"{base}/commit/{'a' * 40}", headers=bearer(cloud))[0] == 202
    assert set(cloud.repositories["acme-shop"]["branches"]) == {"main"}
    assert cloud.repositories["acme-shop"]["commits"] == {}


def test_devinfo_needs_a_token_and_the_permission(cloud):
    body = devinfo(repository([commit("a" * 40)]))
    assert bulk(cloud, "devinfo", body, headers={})[0] == 401
    cloud.permissions["devinfo"] = False
    assert bulk(cloud, "devinfo", body)[0] == 403
    delete = f"{cloud.url}/jira/devinfo/0.1/cloud/{CLOUD_ID}/repository/acme-shop/commit/{'a' * 40}"
    assert call("DELETE", delete, headers=bearer(cloud))[0] == 403
    assert cloud.repositories == {}


# -- bad days: the same for both fakes -----------------------------------------------------------
@pytest.fixture(params=["cloud", "server"])
def fake(request):
    """Each fake with the URL of an endpoint that answers 200 and the headers it needs."""
    if request.param == "cloud":
        fake = FakeJiraCloud()
        fake.probe = (f"{fake.url}/_edge/tenant_info", {})
    else:
        fake = FakeJiraServer("no OAuth in these tests")
        fake.probe = (f"{fake.url}/rest/api/2/myself", {"Authorization": f"Bearer {PAT}"})
    yield fake
    fake.close()


def probe(fake, timeout=5):
    url, headers = fake.probe
    return call("GET", url, headers=headers, timeout=timeout)[0]


def test_hang_reads_the_request_never_answers_and_close_does_not_wait_for_it(fake):
    fake.hang("/")
    with pytest.raises(TimeoutError):
        probe(fake, timeout=0.5)
    assert probe(fake) == 200                      # a hang is consumed like any fault
    started = time.monotonic()
    fake.close()
    assert time.monotonic() - started < 2


def test_go_down_refuses_and_cuts_connections_then_come_back_serves_on_the_same_port(fake):
    url, port = fake.url, fake.port
    kept_alive = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    kept_alive.request("GET", fake.probe[0], headers=fake.probe[1])
    assert kept_alive.getresponse().read() and probe(fake) == 200
    fake.go_down()
    with pytest.raises(urllib.error.URLError) as refused:
        probe(fake)
    assert isinstance(refused.value.reason, ConnectionRefusedError)
    with pytest.raises(ConnectionError):
        kept_alive.request("GET", fake.probe[0], headers=fake.probe[1])
        kept_alive.getresponse()
    fake.come_back()
    assert (fake.url, fake.port) == (url, port)
    assert probe(fake) == 200


def test_faults_answer_huge_bodies_garbage_and_odd_headers(fake):
    fake.fault("/", status=500, body=b"x" * 50_000_000)
    url, headers = fake.probe
    status, _, body = call("GET", url, headers=headers)
    assert status == 500 and len(body) == 50_000_000
    fake.fault("/", raw=b"\x00\xff\xfeNOT HTTP AT ALL\r\n\r\n")
    with pytest.raises(http.client.BadStatusLine):
        probe(fake)
    fake.fault("/", status=429, headers={"Retry-After": "soon", "Date": "yesterday"})
    status, answer_headers, _ = call("GET", url, headers=headers)
    assert status == 429
    assert answer_headers.get_all("Date") == ["yesterday"] and answer_headers["Retry-After"] == "soon"


def test_echo_secrets_quotes_the_credentials_back_in_every_error(cloud):
    cloud.echo_secrets = True
    status, _, body = call("POST", f"{cloud.url}/oauth/token", {"audience": "api.atlassian.com",
                           "grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": "leaked-secret-1"})
    assert status == 401 and "client_secret=leaked-secret-1" in json.loads(body)["error_description"]
    status, answer = bulk(cloud, "builds", {"builds": [minimal_build()]}, headers={"Authorization": "Bearer leaked-token-2"})
    assert status == 401 and "Authorization: Bearer leaked-token-2" in answer["message"]
    token = bearer(cloud)
    status, answer = bulk(cloud, "builds", {"builds": []}, headers=token)
    assert status == 400 and token["Authorization"] in answer["errors"][0]["message"]
    assert bulk(cloud, "builds", {"builds": [minimal_build()]}, headers=token)[0] == 202


# -- the fake Jira Server's remote-link delete and projects ---------------------------------------
@pytest.fixture
def server():
    fake = FakeJiraServer("no OAuth in these tests")
    yield fake
    fake.close()


PAT_HEADERS = {"Authorization": f"Bearer {PAT}"}


def test_server_deletes_a_remote_link_by_global_id(server):
    links = f"{server.url}/rest/api/2/issue/SHOP-1/remotelink"
    link = {"globalId": "jira-ci:build:shop:1", "object": {"url": "https://ci.example.com/1", "title": "shop #1"}}
    assert call("POST", links, link, PAT_HEADERS)[0] == 201
    assert call("DELETE", f"{links}?globalId=jira-ci%3Abuild%3Ashop%3A1")[0] == 401
    assert call("DELETE", f"{links}?globalId=jira-ci%3Abuild%3Ashop%3A1", headers=PAT_HEADERS)[0] == 204
    assert server.links["SHOP-1"] == []
    assert call("DELETE", f"{links}?globalId=jira-ci%3Abuild%3Ashop%3A1", headers=PAT_HEADERS)[0] == 404
    assert call("DELETE", f"{server.url}/rest/api/2/issue/NOPE-1/remotelink?globalId=x", headers=PAT_HEADERS)[0] == 404


def test_server_lists_the_projects_of_the_issues_it_knows(server):
    server.issues = {"SHOP-1", "SHOP-7", "OPS-12"}
    assert call("GET", f"{server.url}/rest/api/2/project")[0] == 401
    status, _, body = call("GET", f"{server.url}/rest/api/2/project", headers=PAT_HEADERS)
    assert status == 200
    assert json.loads(body) == [{"key": "OPS", "name": "Ops"}, {"key": "SHOP", "name": "Shop"}]
