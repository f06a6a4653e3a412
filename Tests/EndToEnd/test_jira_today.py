"""Jira as it is today (issue 21): Data Center service accounts (OAuth 2.0 client credentials against
{site}/rest/oauth2/latest/token, as Atlassian's "Service accounts overview" documents it) and the flavour asked of
the site itself (serverInfo's deploymentType) when neither --flavor nor an Atlassian host tells. The fake Jira
Server serves the token endpoint exactly as documented and refuses anything else; every run checks that no secret
reaches the output."""
import json
import stat
from pathlib import Path

import pytest

from conftest import assert_no_secrets, outbox_dir, run
from fake_jira_server import PAT, SERVICE_CLIENT_ID, SERVICE_CLIENT_SECRET, FakeJiraServer
from test_server import key

TOKEN_PATH = "/rest/oauth2/latest/token"
ERROR = "jira-ci: error: "
WARNING = "jira-ci: warning: "


@pytest.fixture
def datacenter():
    fake = FakeJiraServer(key()[1])
    fake.deployment_type = "DataCenter"
    yield fake
    fake.close()


def report(fake, repo, *args, env=None, number=42):
    result = run("build", "--state", "successful", "--build-number", str(number), "--build-url",
                 f"https://ci.example.com/shop/{number}", "--repo", str(repo.path), *args,
                 env={"JIRA_CI_CACHE_DIR": str(repo.path.parent / "cache"), **fake.service_env(), **(env or {})})
    assert_no_secrets(result, fake)
    return result


def token_requests(fake):
    return fake.count(TOKEN_PATH)


# -- A. service accounts ----------------------------------------------------------------------------------------------
def test_a_service_account_reports_with_a_write_token_from_the_documented_endpoint(datacenter, shop):
    result = report(datacenter, shop)
    assert result.code == 0, result
    assert token_requests(datacenter) == 1
    [link] = datacenter.links["SHOP-1"]
    assert link["object"]["title"].startswith("Build 42 of shop")
    # Every API call went with the token, as the service account (none with the secret or basic auth).
    schemes = {scheme for method, path, scheme in datacenter.requests if path.startswith("/rest/api/2/issue/")}
    assert schemes == {"service-account"}
    assert WARNING not in result.err, result


def test_the_token_is_cached_by_site_and_client_never_with_the_secret(datacenter, shop):
    assert report(datacenter, shop).code == 0
    assert report(datacenter, shop, number=43).code == 0
    assert token_requests(datacenter) == 1, "the second report within the hour asks for no token"
    cache = shop.path.parent / "cache"
    [token_file] = list(cache.glob("token-*"))
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    cached = json.loads(token_file.read_text())
    assert cached["clientId"] == SERVICE_CLIENT_ID and cached["apiURL"] == datacenter.url
    assert SERVICE_CLIENT_SECRET not in token_file.read_text()


def test_a_token_jira_refuses_is_dropped_and_fetched_once_again(datacenter, shop):
    assert report(datacenter, shop).code == 0
    with datacenter.lock:
        datacenter.service_tokens.clear()      # revoked on the server side
    again = report(datacenter, shop, number=43)
    assert again.code == 0, again
    assert token_requests(datacenter) == 2


def test_wrong_client_credentials_are_exit_3_naming_the_service_account(datacenter, shop):
    result = report(datacenter, shop, env={"JIRA_CLIENT_SECRET": "not-the-secret"})
    assert result.code == 3, result
    [error] = [line for line in result.err.splitlines() if line.startswith(ERROR)]
    assert "service account" in error and SERVICE_CLIENT_ID in error and "invalid_client" in error
    assert "Administration > Service accounts" in error
    assert not datacenter.links


def test_a_service_account_without_the_write_scope_is_exit_3_saying_so(datacenter, shop):
    datacenter.service_accounts[SERVICE_CLIENT_ID] = (SERVICE_CLIENT_SECRET, "READ")
    result = report(datacenter, shop)
    assert result.code == 3, result
    assert "Write scope" in result.err and "invalid_scope" in result.err, result


def test_auth_check_says_service_account_and_the_user_jira_sees(datacenter, tmp_path):
    result = run("auth", "check", env={"JIRA_CI_CACHE_DIR": str(tmp_path / "cache"), **datacenter.service_env()})
    assert_no_secrets(result, datacenter)
    assert result.code == 0, result
    assert "Credential:   service account jci-service-account-id" in result.out
    assert "User:         jira-ci service account (svc-jira-ci)" in result.out


def test_a_personal_access_token_wins_over_the_service_account(datacenter, shop):
    result = report(datacenter, shop, env={"JIRA_PAT": PAT})
    assert result.code == 0, result
    assert token_requests(datacenter) == 0
    assert {s for m, p, s in datacenter.requests if p.startswith("/rest/api/2/issue/")} == {"pat"}


def test_the_dry_run_shows_the_token_request_without_the_secret(datacenter, shop):
    result = run("build", "--dry-run", "--state", "successful", "--flavor", "server", "--repo", str(shop.path),
                 env={"JIRA_URL": datacenter.url, "JIRA_CLIENT_ID": SERVICE_CLIENT_ID})
    assert result.code == 0, result
    assert f"POST {datacenter.url}{TOKEN_PATH}" in result.out
    assert "grant_type=client_credentials&client_id=jci-service-account-id&client_secret=%2A%2A%2A&scope=WRITE" in result.out \
        or "client_secret=***" in result.out, result.out
    as_json = run("auth", "check", "--dry-run", "--json", "--flavor", "server",
                  env={"JIRA_URL": datacenter.url, "JIRA_CLIENT_ID": SERVICE_CLIENT_ID, "JIRA_CLIENT_SECRET": SERVICE_CLIENT_SECRET})
    assert_no_secrets(as_json, datacenter)
    [token, myself, _] = as_json.json["requests"]
    assert token["url"].endswith(TOKEN_PATH) and "scope=WRITE" in token["body"] and myself["url"].endswith("/myself?expand=groups,applicationRoles")
    assert datacenter.count() == 0, "a dry run asks nothing"


def test_basic_authentication_refused_mentions_that_jira_11_turns_it_off(shop):
    fake = FakeJiraServer(key()[1])
    try:
        fake.basic_enabled = False
        from fake_jira_server import PASSWORD, USER
        result = run("build", "--state", "successful", "--build-url", "https://ci.example.com/1", "--repo", str(shop.path),
                     env={"JIRA_URL": fake.url, "JIRA_USER": USER, "JIRA_PASSWORD": PASSWORD})
        assert result.code == 3, result
        assert "Jira 11 turns basic authentication off by default" in result.err
    finally:
        fake.close()


def test_env_says_which_credential_is_in_force_and_why(datacenter, tmp_path):
    cache = {"JIRA_CI_CACHE_DIR": str(tmp_path / "cache")}
    undecided = run("env", env={**datacenter.service_env(), **cache})
    assert "credential: client credentials of jci-service-account-id: Jira Cloud, or a Data Center service account" in undecided.out
    assert run("auth", "check", env={**datacenter.service_env(), **cache}).code == 0     # the site is asked and cached
    known = run("env", env={**datacenter.service_env(), **cache})
    assert "credential: service account jci-service-account-id" in known.out, known
    with_pat = run("env", "--json", env={**datacenter.service_env(JIRA_PAT=PAT), **cache})
    assert with_pat.json["credential"].startswith("personal access token (JIRA_PAT wins")
    assert_no_secrets(with_pat, datacenter)


# -- B. the flavour asked of the site ------------------------------------------------------------------------------------
def test_the_site_is_asked_once_and_its_answer_cached(datacenter, shop):
    assert report(datacenter, shop).code == 0
    assert report(datacenter, shop, number=43).code == 0
    assert datacenter.count("/rest/api/2/serverInfo") == 1
    assert [s for m, p, s in datacenter.requests if p == "/rest/api/2/serverInfo"] == ["none"], "asked anonymously"


def test_flavor_decides_without_asking(datacenter, shop):
    assert report(datacenter, shop, "--flavor", "server").code == 0
    assert datacenter.count("/rest/api/2/serverInfo") == 0


def test_client_credentials_on_a_cloud_site_with_a_custom_domain_are_cloud(cloud, shop, tmp_path):
    # The fake Jira Cloud listens on 127.0.0.1: to jira-ci a host like any custom domain.
    result = run("build", "--state", "successful", "--build-number", "7", "--build-url", "https://ci.example.com/7",
                 "--repo", str(shop.path), env=cloud.env(JIRA_CI_CACHE_DIR=str(tmp_path / "cache")))
    assert result.code == 0, result
    assert cloud.count("/rest/api/2/serverInfo") == 1 and cloud.count("/bulk") == 1


def test_an_answer_that_is_neither_names_flavor(shop, tmp_path):
    fake = FakeJiraServer(key()[1])
    try:
        fake.deployment_type = "Mainframe"
        result = run("build", "--state", "successful", "--build-url", "https://ci.example.com/1", "--repo", str(shop.path),
                     env={"JIRA_URL": fake.url, "JIRA_PAT": PAT, "JIRA_CI_CACHE_DIR": str(tmp_path / "cache")})
        assert result.code == 2, result
        [error] = [line for line in result.err.splitlines() if line.startswith(ERROR)]
        assert "--flavor (or JIRA_FLAVOR)" in error and "Mainframe" in error
    finally:
        fake.close()


def test_a_site_that_is_down_is_taken_for_what_its_credentials_suggest_and_the_report_waits_in_one_line(shop):
    fake = FakeJiraServer(key()[1])
    fake.go_down()
    try:
        result = run("build", "--state", "successful", "--build-url", "https://ci.example.com/1", "--retries", "0",
                     "--repo", str(shop.path), env={"JIRA_URL": fake.url, "JIRA_PAT": PAT})
        assert result.code == 5, result
        [line] = result.err.splitlines()
        assert line.startswith(WARNING + "Jira unreachable (") and "queued in" in line, result
        [queued] = [json.loads(path.read_text()) for path in outbox_dir().glob("*.json")]
        assert queued["target"]["flavor"] == "server", queued
    finally:
        fake.close()


def test_client_credentials_with_a_site_that_does_not_tell_are_taken_for_cloud_with_a_warning_naming_flavor(cloud, shop):
    cloud.fault("/rest/api/2/serverInfo", status=404, body=b"<html>Not Found</html>")
    result = run("build", "--state", "successful", "--build-number", "7", "--build-url", "https://ci.example.com/7",
                 "--repo", str(shop.path), env=cloud.env())
    assert result.code == 0, result
    [warning] = [line for line in result.err.splitlines() if line.startswith(WARNING)]
    assert "did not say which Jira it is" in warning and "--flavor (or JIRA_FLAVOR) to server" in warning, warning
    assert cloud.count("/bulk") == 1


def test_a_personal_access_token_with_a_site_that_does_not_tell_is_server_without_a_word(shop):
    fake = FakeJiraServer(key()[1])
    fake.fault("/rest/api/2/serverInfo", status=401, body=b"{}")
    try:
        result = run("build", "--state", "successful", "--build-url", "https://ci.example.com/1", "--repo", str(shop.path),
                     env={"JIRA_URL": fake.url, "JIRA_PAT": PAT})
        assert result.code == 0 and result.err == "", result
        assert fake.links
    finally:
        fake.close()


def test_each_warning_is_said_once_when_the_site_is_asked_first(cloud, shop):
    # The credentials are read before the site is asked, then again for the run: their warnings come once.
    env = cloud.env()
    secret = env.pop("JIRA_CLIENT_SECRET")
    result = run("build", "--state", "successful", "--build-number", "7", "--build-url", "https://ci.example.com/7",
                 "--client-secret", secret, "--repo", str(shop.path), env=env)
    assert result.code == 0, result
    assert [line for line in result.err.splitlines() if "--client-secret" in line] == [
        WARNING + "--client-secret on the command line is visible in process lists; set JIRA_CLIENT_SECRET instead"]
    assert cloud.count("/rest/api/2/serverInfo") == 1
