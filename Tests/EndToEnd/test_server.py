"""Reporting to Jira Server / Data Center: OAuth 1.0a verified by oauthlib, PAT, basic, remote links."""
import json
import re
import stat
import subprocess

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from conftest import BITBUCKET_SERVER, Repo, assert_no_secrets, binary, clean_env, is_path_safe_id_of, make_shop, run
from fake_jira_server import ACCESS_TOKEN, CONSUMER_KEY, PASSWORD, PAT, USER, FakeJiraServer
from test_keys import assert_one_line_error

PEM = serialization.Encoding.PEM


def make_key(bits, pkcs1=False):
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    fmt = serialization.PrivateFormat.TraditionalOpenSSL if pkcs1 else serialization.PrivateFormat.PKCS8
    private = key.private_bytes(PEM, fmt, serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    return private, public


KEYS = {}


def key(bits=2048, pkcs1=False):
    if (bits, pkcs1) not in KEYS:
        KEYS[(bits, pkcs1)] = make_key(bits, pkcs1)
    return KEYS[(bits, pkcs1)]


@pytest.fixture
def shop(tmp_path):
    return make_shop(tmp_path, remote=BITBUCKET_SERVER)


@pytest.fixture
def server():
    private, public = key()
    fake = FakeJiraServer(public)
    fake.private_key = private
    yield fake
    fake.close()


def key_lines(private_pem):
    return [line for line in private_pem.splitlines() if line and "-----" not in line]


def oauth_env(fake, private_pem=None, **extra):
    env = {"JIRA_URL": fake.url, "JIRA_CONSUMER_KEY": CONSUMER_KEY, "JIRA_PRIVATE_KEY": private_pem or fake.private_key,
           "JIRA_ACCESS_TOKEN": ACCESS_TOKEN}
    env.update(extra)
    return env


def report(fake, repo, *args, env, private_pem=None):
    result = run(*args, "--repo", str(repo.path), "--build-url", "https://ci.example.com/shop/42", env=env)
    assert_no_secrets(result, fake, key_lines(private_pem) if private_pem else [])
    return result


def build(fake, repo, state="successful", *args, env, private_pem=None):
    return report(fake, repo, "build", "--state", state, "--build-number", "42", "--pipeline-name", "shop-api", *args,
                  env=env, private_pem=private_pem)


@pytest.mark.parametrize("bits,pkcs1", [(1024, False), (1024, True), (2048, False), (2048, True)])
def test_oauth_build_report_in_both_pem_formats_and_sizes(shop, bits, pkcs1):
    private, public = key(bits, pkcs1)
    fake = FakeJiraServer(public)
    try:
        result = build(fake, shop, env=oauth_env(fake, private), private_pem=private)
        assert result.code == 0, result
        assert fake.oauth_verified == 2  # one oauthlib-verified signature per issue
        assert {r[2] for r in fake.api_requests()} == {"oauth"}
        [link] = fake.links["SHOP-1"]
        assert link["globalId"].startswith("jira-ci:build:") and link["globalId"].endswith(":42")
        assert is_path_safe_id_of(link["globalId"][len("jira-ci:build:"):-len(":42")], "git.example.com/scm/acme/shop#shop-api")
        assert link["object"]["title"] == "Build 42 of shop-api: successful"
        # A current result is not struck through: its state shows in the title and as Jira's own icon.
        assert link["object"]["status"]["resolved"] is False
        assert link["object"]["status"]["icon"]["url16x16"] == fake.url + "/images/icons/emoticons/check.png"
        assert link["object"]["status"]["icon"]["title"] == "successful"
        assert link["object"]["url"] == "https://ci.example.com/shop/42"
        assert "branch feature/SHOP-1-cart" in link["object"]["summary"]
        assert ("2048-bit" in result.err) == (bits == 1024)
    finally:
        fake.close()


def test_escaped_newlines_in_the_key_variable_are_tolerated(server, shop):
    escaped = server.private_key.replace("\n", "\\n")
    result = build(server, shop, env=oauth_env(server, escaped))
    assert result.code == 0, result


def test_key_from_a_file(server, shop, tmp_path):
    path = tmp_path / "jira_privatekey.pcks8"
    path.write_text(server.private_key)
    env = oauth_env(server, JIRA_PRIVATE_KEY="")
    result = build(server, shop, "successful", "--private-key-file", str(path), env=env)
    assert result.code == 0, result


def test_repeated_build_report_updates_the_same_link(server, shop):
    env = oauth_env(server)
    assert build(server, shop, "in_progress", env=env).code == 0
    assert server.links["SHOP-1"][0]["object"]["status"]["resolved"] is False
    result = build(server, shop, "successful", "--json", env=env)
    assert result.code == 0, result
    assert len(server.links["SHOP-1"]) == 1
    assert server.links["SHOP-1"][0]["object"]["title"] == "Build 42 of shop-api: successful"
    assert json.loads(result.out)["accepted"] == [{"issueKey": "SHOP-1", "link": "updated"},
                                                  {"issueKey": "SHOP-2", "link": "updated"}]


def test_deployments_keep_one_link_per_environment(server, shop):
    env = oauth_env(server)

    def deploy(environment, number):
        return report(server, shop, "deploy", "--state", "successful", "--environment", environment,
                      "--build-number", str(number), env=env)

    assert deploy("staging", 1).code == 0
    assert deploy("production", 1).code == 0
    assert deploy("staging", 2).code == 0
    titles = sorted(link["object"]["title"] for link in server.links["SHOP-1"])
    assert titles == ["Deployed to production: successful", "Deployed to staging: successful"]
    staging = [l for l in server.links["SHOP-1"] if "staging" in l["object"]["title"]][0]
    assert "#2" in staging["object"]["summary"]


def test_unknown_issue_is_a_warning_and_all_unknown_exits_4(server, shop):
    env = oauth_env(server)
    server.issues = {"SHOP-1"}
    result = build(server, shop, env=env)
    assert result.code == 0, result
    assert "SHOP-2" in result.err and "warning" in result.err
    server.issues = set()
    assert_one_line_error(build(server, shop, env=env), 4, "did not accept")


def test_pat_and_basic_and_which_wins(server, shop):
    pat = build(server, shop, "successful", "--verbose", env={"JIRA_URL": server.url, "JIRA_PAT": PAT, **oauth_env(server)})
    assert pat.code == 0, pat
    assert {r[2] for r in server.api_requests()} == {"pat"}
    assert "personal access token" in pat.err
    server.requests.clear()
    basic = build(server, shop, "successful", "--verbose", env={"JIRA_URL": server.url, "JIRA_USER": USER, "JIRA_PASSWORD": PASSWORD})
    assert basic.code == 0, basic
    assert {r[2] for r in server.api_requests()} == {"basic"}
    assert "user and password of ci-bot" in basic.err
    server.requests.clear()
    oauth_over_basic = build(server, shop, "successful", "--verbose", env={**oauth_env(server), "JIRA_USER": USER, "JIRA_PASSWORD": PASSWORD})
    assert {r[2] for r in server.api_requests()} == {"oauth"}
    assert "OAuth 1.0a" in oauth_over_basic.err


def test_wrong_pat_and_password_exit_3(server, shop):
    assert_one_line_error(build(server, shop, env={"JIRA_URL": server.url, "JIRA_PAT": "nope-nope"}), 3, "JIRA_PAT")
    assert_one_line_error(build(server, shop, env={"JIRA_URL": server.url, "JIRA_USER": USER, "JIRA_PASSWORD": "bad-password"}),
                          3, "JIRA_PASSWORD")


def test_signature_invalid_when_the_key_pair_does_not_match(server, shop):
    other, _ = key(1024)
    result = build(server, shop, env=oauth_env(server, other), private_pem=other)
    assert_one_line_error(result, 3, "signature_invalid", "private key")


def test_consumer_key_unknown(server, shop):
    result = build(server, shop, env=oauth_env(server, JIRA_CONSUMER_KEY="someone-else"))
    assert_one_line_error(result, 3, "consumer_key_unknown", "JIRA_CONSUMER_KEY")


def test_token_rejected(server, shop):
    result = build(server, shop, env=oauth_env(server, JIRA_ACCESS_TOKEN="revoked-token-123"))
    assert_one_line_error(result, 3, "token_rejected", "auth server-login")
    assert "revoked-token-123" not in result.err


def test_timestamp_refused_says_how_far_off_the_clock_is(server, shop):
    server.clock_offset = 900
    result = build(server, shop, env=oauth_env(server))
    assert_one_line_error(result, 3, "timestamp_refused", "behind")
    assert re.search(r"(89\d|90\d) s behind", result.err), result


def test_query_strings_with_encoded_characters_are_signed_right(server, shop):
    result = run("auth", "check", env=oauth_env(server))
    assert_no_secrets(result, server)
    assert result.code == 0, result
    assert server.count("/rest/api/2/myself") == 1
    assert server.oauth_verified == 2
    assert "CI Bot (ci-bot)" in result.out and "9.12.0" in result.out and "OAuth 1.0a" in result.out
    assert "JIRA_PAT" in result.err  # 9.12 supports personal access tokens


def test_auth_check_with_a_pat_does_not_suggest_one(server):
    result = run("auth", "check", "--json", env={"JIRA_URL": server.url, "JIRA_PAT": PAT})
    assert_no_secrets(result, server)
    data = json.loads(result.out)
    assert data["credential"].startswith("personal access token") and data["supportsPersonalAccessTokens"]
    assert "JIRA_PAT" not in result.err


def test_login_flow_driven_like_a_person(server, tmp_path):
    output = tmp_path / "token"
    process = subprocess.Popen([binary(), "auth", "server-login", "--output", str(output)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=clean_env(oauth_env(server, JIRA_ACCESS_TOKEN="")))
    url_line = ""
    while "authorize?oauth_token=" not in url_line:
        url_line = process.stderr.readline()
        assert url_line, "jira-ci never printed the authorize URL"
    request_token = url_line.strip().rsplit("oauth_token=", 1)[1]
    assert url_line.strip().startswith(server.url + "/plugins/servlet/oauth/authorize?")
    verifier = server.approve(request_token)
    out, err = process.communicate(verifier + "\n", timeout=30)
    assert process.returncode == 0, err
    token = output.read_text().strip()
    assert token == server.issued_access_tokens[0]
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert token not in out + err
    # the new token works
    repo = Repo(tmp_path / "r")
    repo.commit("SHOP-1 change")
    result = build(server, repo, env=oauth_env(server, JIRA_ACCESS_TOKEN=token))
    assert result.code == 0, result


def test_login_prints_the_token_to_a_pipe_and_rejects_an_unapproved_code(server):
    env = oauth_env(server, JIRA_ACCESS_TOKEN="")
    process = subprocess.Popen([binary(), "auth", "server-login"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=clean_env(env))
    line = ""
    while "oauth_token=" not in line:
        line = process.stderr.readline()
    token = line.strip().rsplit("oauth_token=", 1)[1]
    verifier = server.approve(token)
    out, _ = process.communicate(verifier + "\n", timeout=30)
    assert process.returncode == 0
    assert out.strip() == server.issued_access_tokens[-1]
    wrong = run("auth", "server-login", "--verifier", "000000", env=env)
    assert_no_secrets(wrong, server)
    assert wrong.code == 3
    assert "permission_unknown" in wrong.err


@pytest.mark.parametrize("content,needle", [
    ("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n", "encrypted"),
    (None, "public key"),
    ("not a key at all", "not a PEM private key"),
    ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "cannot read"),
])
def test_bad_keys_name_the_format_and_the_openssl_command(server, shop, content, needle):
    if content is None:
        content = key()[1]  # the public key
    result = build(server, shop, env=oauth_env(server, content))
    assert_one_line_error(result, 2, needle, "PKCS#8", "openssl pkcs8 -topk8 -nocrypt")
    assert "AAAA" not in result.err and "MIIB" not in result.err


def test_comment_is_optional(server, shop):
    assert build(server, shop, env=oauth_env(server)).code == 0
    assert server.comments == {}
    assert build(server, shop, "successful", "--comment", env=oauth_env(server)).code == 0
    assert set(server.comments) == {"SHOP-1", "SHOP-2"}
    assert "Build 42 of shop-api: successful" in server.comments["SHOP-1"][0]


def test_issues_are_written_four_at_a_time(server, tmp_path):
    repo = Repo(tmp_path / "many")
    keys = [f"SHOP-{i}" for i in range(1, 13)]
    server.issues = set(keys)
    server.link_delay = 0.15
    repo.commit(" ".join(keys))
    result = build(server, repo, env={"JIRA_URL": server.url, "JIRA_PAT": PAT})
    assert result.code == 0, result
    assert server.max_in_flight == 4  # four requests were open at once: no timing needed to know
    assert sum(len(v) for v in server.links.values()) == 12


def test_dry_run_shows_the_link_requests_without_credentials(shop):
    result = run("build", "--dry-run", "--json", "--state", "passed", "--flavor", "server", "--jira-url",
                 "https://jira.example.com", "--repo", str(shop.path), "--build-number", "3")
    assert result.code == 0, result
    requests = json.loads(result.out)["requests"]
    assert [r["url"] for r in requests] == ["https://jira.example.com/rest/api/2/issue/SHOP-1/remotelink",
                                            "https://jira.example.com/rest/api/2/issue/SHOP-2/remotelink"]
    global_id = requests[0]["body"]["globalId"]
    assert global_id.startswith("jira-ci:build:") and global_id.endswith(":3")
    assert is_path_safe_id_of(global_id[len("jira-ci:build:"):-len(":3")], "git.example.com/scm/acme/shop")


def test_flavor_defaults_to_server_for_a_self_hosted_site(shop):
    result = run("build", "--dry-run", "--state", "passed", "--jira-url", "https://jira.example.com", "--repo", str(shop.path))
    assert "Jira Server/Data Center" in result.out
    cloud = run("build", "--dry-run", "--state", "passed", "--jira-url", "https://acme.atlassian.net", "--repo", str(shop.path))
    assert "Jira Cloud" in cloud.out


def test_no_secrets_with_or_without_verbose(server, shop):
    for extra in ([], ["--verbose"]):
        for env in (oauth_env(server), {"JIRA_URL": server.url, "JIRA_PAT": PAT},
                    {"JIRA_URL": server.url, "JIRA_USER": USER, "JIRA_PASSWORD": PASSWORD}):
            result = build(server, shop, "successful", *extra, env=env)
            assert result.code == 0, result
            if extra:
                assert "> POST" in result.err and "Authorization: ***" in result.err
