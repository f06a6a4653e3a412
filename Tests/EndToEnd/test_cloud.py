"""Reporting to Jira Cloud over real HTTP on loopback: token, caching, retries, failures, TLS, gating."""
import json
import stat
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from conftest import assert_no_secrets, build_keys, is_environment_id_of, is_path_safe_id_of, outbox_dir, run
from fake_jira_cloud import CLIENT_ID, CLIENT_SECRET, CLOUD_ID, FakeJiraCloud
from private_ca import make_tls
from test_keys import assert_one_line_error


def jira(fake, repo, *args, env=None, cache=None, **kwargs):
    """Runs jira-ci against the fake and checks that no secret reached stdout or stderr."""
    extra = fake.env(JIRA_CI_CACHE_DIR=str(cache or Path(repo.path).parent / "cache"))
    extra.update(env or {})
    result = run(*args, "--repo", str(repo.path), env=extra, **kwargs)
    assert_no_secrets(result, fake)
    return result


def assert_queued(result, waiting, *needles):
    """Jira could not take the report: one warning says it waits in the outbox, exit 5, nothing lost."""
    assert result.code == 5, result
    queued = [line for line in result.err.splitlines() if "queued in" in line]
    assert len(queued) == 1 and queued[0].startswith("jira-ci: warning: Jira unreachable ("), result
    assert f"({waiting} waiting)" in queued[0] and "jira-ci flush" in queued[0], result
    assert "jira-ci: error:" not in result.err, result
    for needle in needles:
        assert needle in queued[0], result
    assert len(list(outbox_dir().glob("*.json"))) == waiting


def build(fake, repo, *args, **kwargs):
    return jira(fake, repo, "build", "--state", "successful", "--build-number", "42",
                "--build-url", "https://ci.example.com/shop/42", *args, **kwargs)


def test_report_gets_a_token_with_the_documented_body_and_posts_the_build(cloud, shop):
    result = build(cloud, shop)
    assert result.code == 0, result
    [token_request] = [r for r in cloud.requests if r[1] == "/oauth/token"]
    assert json.loads(token_request[3]) == {"audience": "api.atlassian.com", "grant_type": "client_credentials",
                                            "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}
    assert token_request[2]["Content-Type"] == "application/json"
    [body] = cloud.bodies(f"/jira/builds/0.1/cloud/{CLOUD_ID}/bulk")
    assert build_keys(body["builds"][0]) == ["SHOP-1", "SHOP-2"]
    bulk = [r for r in cloud.requests if r[1].endswith("/bulk")][0]
    assert bulk[2]["User-Agent"].startswith("jira-ci/")
    assert bulk[2]["Authorization"] == f"Bearer {cloud.tokens_issued[0]}"
    assert cloud.build("github.com/acme/shop", 42)["state"] == "successful"
    assert result.out == "Jira accepted the build shop #42 for SHOP-1, SHOP-2\n"


def test_second_report_within_the_hour_makes_exactly_one_request(cloud, shop, tmp_path):
    assert build(cloud, shop).code == 0
    assert cloud.count() == 4  # which Jira (a loopback host is no Atlassian one), token, tenant_info, bulk
    assert build(cloud, shop, "--state", "failed").code == 0
    assert cloud.count() == 5
    assert cloud.count("/oauth/token") == 1 and cloud.count("tenant_info") == 1 and cloud.count("serverInfo") == 1
    cached = list((tmp_path / "cache").iterdir())
    assert cached, "nothing was cached"
    for path in cached:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert CLIENT_SECRET not in path.read_text()
        json.loads(path.read_text())


def test_no_cache_fetches_everything_again(cloud, shop):
    assert build(cloud, shop).code == 0
    assert build(cloud, shop, "--no-cache").code == 0
    assert cloud.count("/oauth/token") == 2


def test_token_is_renewed_a_minute_before_it_expires(cloud, shop):
    cloud.expires_in = 50  # already inside the 60 s margin
    assert build(cloud, shop).code == 0
    assert build(cloud, shop).code == 0
    assert cloud.count("/oauth/token") == 2


def test_a_401_drops_the_cached_token_and_retries_once(cloud, shop):
    assert build(cloud, shop).code == 0
    cloud.revoked.add(cloud.tokens_issued[0])
    result = build(cloud, shop, "--verbose")
    assert result.code == 0, result
    assert cloud.count("/oauth/token") == 2
    assert cloud.count("/bulk") == 3
    assert build(cloud, shop).code == 0  # the new token was cached
    assert cloud.count("/oauth/token") == 2


def test_corrupt_cache_is_ignored_and_rewritten(cloud, shop, tmp_path):
    assert build(cloud, shop).code == 0
    for path in (tmp_path / "cache").iterdir():
        path.write_text("{not json")
    assert build(cloud, shop).code == 0
    assert cloud.count("/oauth/token") == 2
    assert build(cloud, shop).code == 0
    assert cloud.count("/oauth/token") == 2


def test_429_waits_for_retry_after(cloud, shop):
    cloud.fault("/bulk", status=429, headers={"Retry-After": "2"})
    started = time.monotonic()
    result = build(cloud, shop)
    elapsed = time.monotonic() - started
    assert result.code == 0, result
    assert elapsed >= 2.0
    assert cloud.count("/bulk") == 2
    assert "429" in result.err and "retrying in 2.0 s" in result.err


def test_429_with_an_http_date(cloud, shop):
    when = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 2))
    cloud.fault("/bulk", status=429, headers={"Retry-After": when})
    started = time.monotonic()
    assert build(cloud, shop).code == 0
    assert time.monotonic() - started >= 0.9


def test_503_then_success(cloud, shop):
    cloud.fault("/bulk", status=503)
    cloud.fault("/bulk", status=502)
    result = build(cloud, shop)
    assert result.code == 0, result
    assert cloud.count("/bulk") == 3


def test_dropped_connection_is_retried(cloud, shop):
    cloud.fault("/bulk", drop=True)
    result = build(cloud, shop)
    assert result.code == 0, result
    assert cloud.count("/bulk") == 2


def test_no_retry_on_other_4xx(cloud, shop):
    cloud.fault("/bulk", status=400, body=json.dumps({"errors": [{"message": "pipelineId is bad"}]}).encode())
    result = build(cloud, shop)
    assert_one_line_error(result, 4, "pipelineId is bad")
    assert cloud.count("/bulk") == 1


def test_persistent_5xx_exits_5_after_the_retries_and_queues_the_report(cloud, shop):
    for _ in range(3):
        cloud.fault("/bulk", status=500)
    result = build(cloud, shop, "--retries", "2")
    assert_queued(result, 1, "500")
    assert cloud.count("/bulk") == 3


def test_rejected_build_exits_4_with_jiras_message(cloud, shop):
    cloud.known_keys = {"OTHER-1"}
    result = build(cloud, shop)
    assert result.code == 4, result
    assert "No valid issue keys" in result.err
    json_result = build(cloud, shop, "--json")
    assert json_result.code == 4
    data = json.loads(json_result.out)
    assert data["accepted"] == [] and data["unknownIssueKeys"] == ["SHOP-1", "SHOP-2"]
    assert data["rejected"][0]["key"]["buildNumber"] == 42


def test_unknown_keys_are_a_warning(cloud, shop):
    cloud.known_keys = {"SHOP-1"}
    result = build(cloud, shop, "--json")
    assert result.code == 0, result
    assert json.loads(result.out)["unknownIssueKeys"] == ["SHOP-2"]
    assert set(json.loads(result.out)) == {"accepted", "rejected", "unknownIssueKeys", "unknownAssociations"}
    assert "does not know these issue keys (or may not show them): SHOP-2" in result.err


def test_wrong_secret_exits_3(cloud, shop):
    result = build(cloud, shop, env={"JIRA_CLIENT_SECRET": "wrong-secret-value"})
    assert_one_line_error(result, 3, "JIRA_CLIENT_ID", "JIRA_CLIENT_SECRET")
    assert "wrong-secret-value" not in result.err


def test_missing_secret_is_a_usage_error(cloud, shop):
    env = cloud.env()
    del env["JIRA_CLIENT_SECRET"]
    result = run("build", "--state", "passed", "--repo", str(shop.path), env=env)
    assert_one_line_error(result, 2, "JIRA_CLIENT_SECRET")


def test_secret_as_a_flag_warns_about_process_lists(cloud, shop):
    env = cloud.env()
    del env["JIRA_CLIENT_SECRET"]
    result = jira(cloud, shop, "build", "--state", "passed", "--client-secret", CLIENT_SECRET, env=env)
    assert result.code == 0, result
    assert "process lists" in result.err


def test_missing_permission_exits_3_and_says_where_to_tick_it(cloud, shop):
    cloud.permissions["builds"] = False
    result = build(cloud, shop)
    assert_one_line_error(result, 3, "Builds", "OAuth credentials")


def closed_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_host_exits_5_and_soft_fail_exits_0(cloud, shop):
    dead = f"http://127.0.0.1:{closed_port()}"
    env = {"JIRA_CI_API_URL": dead, "JIRA_URL": dead}
    result = build(cloud, shop, "--retries", "1", env=env)
    assert_queued(result, 1, "127.0.0.1")
    soft = build(cloud, shop, "--retries", "0", "--soft-fail", env=env)
    assert soft.code == 0, soft
    assert "queued in" in soft.err
    soft_env = build(cloud, shop, "--retries", "0", env={**env, "JIRA_CI_SOFT_FAIL": "1"})
    assert soft_env.code == 0
    assert len(list(outbox_dir().glob("*.json"))) == 3


def test_soft_fail_does_not_hide_usage_errors(cloud, shop):
    result = build(cloud, shop, "--soft-fail", "--timeout", "0")
    assert result.code == 2


def test_plain_http_is_refused_for_non_loopback_hosts(cloud, shop):
    result = build(cloud, shop, env={"JIRA_CI_API_URL": "http://jira.example.com", "JIRA_CLOUD_ID": CLOUD_ID})
    assert_one_line_error(result, 2, "http://", "https://")


def test_unknown_site_says_so(cloud, shop):
    cloud.site_known = False
    result = build(cloud, shop)
    assert_one_line_error(result, 2, "cloudId", "--jira-url")


def test_cloud_id_from_the_environment_skips_tenant_info(cloud, shop):
    result = build(cloud, shop, env={"JIRA_CLOUD_ID": CLOUD_ID, "JIRA_URL": ""})
    assert result.code == 0, result
    assert cloud.count("tenant_info") == 0


def test_eight_concurrent_runs_share_a_valid_cache(cloud, shop, tmp_path):
    cache = tmp_path / "shared-cache"

    def one(i):
        return build(cloud, shop, "--build-number", str(100 + i), cache=cache)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(one, range(8)))
    assert [r.code for r in results] == [0] * 8, results
    files = list(cache.iterdir())
    assert {p.name.split("-")[0] for p in files} == {"token", "cloudid", "deployment"}, files
    for path in files:
        json.loads(path.read_text())
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    before = cloud.count("/oauth/token")
    assert build(cloud, shop, cache=cache).code == 0
    assert cloud.count("/oauth/token") == before


def test_verbose_traces_requests_with_secrets_hidden(cloud, shop):
    result = build(cloud, shop, "--verbose")
    assert result.code == 0, result
    assert "> POST " + cloud.url + "/oauth/token" in result.err
    assert '"client_secret" : "***"' in result.err or '"client_secret":"***"' in result.err
    assert "> Authorization: ***" in result.err
    assert "< 202" in result.err and "ms)" in result.err
    assert '"access_token":"***"' in result.err.replace(" ", "")


def test_deploy_is_accepted_and_gating_command_sent(cloud, shop):
    result = jira(cloud, shop, "deploy", "--state", "successful", "--environment", "production", "--build-number", "9",
                  "--build-url", "https://ci.example.com/9", "--gate", "--service", "svc-123", "--json")
    assert result.code == 0, result
    [accepted] = json.loads(result.out)["accepted"]
    assert accepted["environmentId"] == "production" and accepted["deploymentSequenceNumber"] == 9
    assert is_path_safe_id_of(accepted["pipelineId"], "github.com/acme/shop")
    [body] = cloud.bodies("/deployments/0.1/")
    deployment = body["deployments"][0]
    assert deployment["commands"] == [{"command": "initiate_deployment_gating"}]
    assert {"associationType": "serviceIdOrKeys", "values": ["svc-123"]} in deployment["associations"]


def test_gate_without_service_is_a_usage_error(cloud, shop):
    result = jira(cloud, shop, "deploy", "--state", "passed", "--environment", "prod", "--gate")
    assert_one_line_error(result, 2, "--service")


def gate(cloud, shop, *args):
    return jira(cloud, shop, "gate", "--environment", "production", "--build-number", "9", "--poll", "1s",
                *args)


def test_gate_allowed(cloud, shop):
    cloud.gating = [{"gatingStatus": "allowed", "taskKey": "CHG-1", "updatedTimestamp": "2026-01-01T00:00:00Z",
                     "details": []}]
    result = gate(cloud, shop, "--wait", "5s")
    assert result.code == 0, result
    assert "allowed" in result.out
    [path] = [r[1] for r in cloud.requests if r[1].endswith("gating-status")]
    pipeline, environment = path.split("/pipelines/")[1].split("/environments/")
    assert is_path_safe_id_of(pipeline, "github.com/acme/shop") and environment == "production/deployments/9/gating-status"


def test_gate_awaiting_then_allowed(cloud, shop):
    cloud.gating = [{"gatingStatus": "awaiting", "taskKey": "CHG-2", "details": []},
                    {"gatingStatus": "allowed", "taskKey": "CHG-2", "details": []}]
    result = gate(cloud, shop, "--wait", "10s", "--json")
    assert result.code == 0, result
    assert json.loads(result.out)["status"] == "allowed"
    assert cloud.count("gating-status") == 2


def test_gate_for_a_deployment_jira_does_not_have_fails_at_once(cloud, shop):
    cloud.gating = [404]
    started = time.monotonic()
    result = gate(cloud, shop, "--wait", "10m")
    assert_one_line_error(result, 6, "deploy --gate")
    assert time.monotonic() - started < 5
    assert cloud.count("gating-status") == 1


def test_gate_prevented_exits_6_with_details(cloud, shop):
    cloud.gating = [{"gatingStatus": "prevented", "taskKey": "CHG-3",
                     "details": [{"type": "issue", "issueKey": "CHG-3", "issueLink": "https://x/CHG-3"}]}]
    result = gate(cloud, shop, "--wait", "5s")
    assert result.code == 6, result
    assert "prevented" in result.out and "CHG-3" in result.out


def test_gate_still_awaiting_when_the_wait_runs_out_exits_6(cloud, shop):
    cloud.gating = [{"gatingStatus": "awaiting", "details": []}]
    started = time.monotonic()
    result = gate(cloud, shop, "--wait", "1s")
    assert result.code == 6, result
    assert 0.9 <= time.monotonic() - started < 10
    assert "had not decided" in result.err


def test_auth_check_reports_site_cloud_id_expiry_and_permissions(cloud, shop):
    result = run("auth", "check", env=cloud.env(JIRA_CI_CACHE_DIR=str(shop.path.parent / "c")))
    assert_no_secrets(result, cloud)
    assert result.code == 0, result
    assert CLOUD_ID in result.out and cloud.url in result.out
    assert "Builds:       allowed" in result.out
    cloud.permissions["deployments"] = False
    denied = run("auth", "check", "--json", env=cloud.env(JIRA_CI_CACHE_DIR=str(shop.path.parent / "c")))
    assert_no_secrets(denied, cloud)
    assert denied.code == 3
    data = json.loads(denied.out)
    assert data["builds"] is True and data["deployments"] is False
    assert cloud.count("/bulk") == 0  # nothing was written


def test_https_with_a_private_ca_needs_ca_cert(shop, tmp_path):
    ca, context = make_tls(tmp_path)
    fake = FakeJiraCloud(tls=context)
    try:
        # An untrusted certificate may be a proxy's or an expired one Jira's admins renew: the report waits.
        refused = build(fake, shop, "--retries", "0")
        assert_queued(refused, 1, "TLS", "--ca-cert")
        accepted = build(fake, shop, "--ca-cert", str(ca))
        assert accepted.code == 0, accepted
        assert fake.count("/bulk") == 1 and len(fake.bodies("/bulk")[0]["builds"]) == 2  # the queued one went too
        via_env = build(fake, shop, env={"JIRA_CI_CA_CERT": str(ca)})
        assert via_env.code == 0, via_env
        bad = build(fake, shop, "--ca-cert", str(tmp_path / "server.key"))
        assert_one_line_error(bad, 2, "--ca-cert")
    finally:
        fake.close()


def test_requests_go_through_the_proxy_from_the_environment(cloud, shop):
    from proxy import RecordingProxy
    proxy = RecordingProxy()
    try:
        result = build(cloud, shop, env={"HTTP_PROXY": proxy.url})
        assert result.code == 0, result
        assert any("/oauth/token" in line for line in proxy.seen), proxy.seen
        assert any("/bulk" in line for line in proxy.seen)
        assert any("/serverInfo" in line for line in proxy.seen)  # the question which Jira it is goes the same way
        bypass = build(cloud, shop, "--state", "failed", env={"HTTP_PROXY": proxy.url, "NO_PROXY": "127.0.0.1"})
        assert bypass.code == 0
        assert len(proxy.seen) == 4
    finally:
        proxy.close()


def test_in_progress_then_successful_back_to_back_ends_successful(cloud, shop):
    assert build(cloud, shop, "--state", "in_progress").code == 0
    assert build(cloud, shop, "--state", "successful").code == 0
    stored = cloud.build("github.com/acme/shop", 42)
    assert stored["state"] == "successful"
    first, second = [b["builds"][0]["updateSequenceNumber"] for b in cloud.bodies("/bulk")]
    assert second > first


def test_rerunning_a_deployment_stage_reports_the_same_environment(cloud, shop):
    for state in ("in_progress", "cancelled"):
        assert jira(cloud, shop, "deploy", "--state", state, "--environment", "Production EU", "--build-number", "9",
                    "--build-url", "https://ci.example.com/9").code == 0
    [(pipeline, environment, number)] = list(cloud.deployments)
    assert is_path_safe_id_of(pipeline, "github.com/acme/shop") and is_environment_id_of(environment, "Production EU")
    assert number == 9
    assert cloud.deployments[(pipeline, environment, number)]["state"] == "cancelled"
