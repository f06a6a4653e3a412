"""Issue 14: the first hour with jira-ci. What a new user types, copies and gets wrong, and what jira-ci answers:
which Jira a URL and a credential mean, URLs copied from the browser or missing a context path, plain http, soft
failures, the words CIs print, "did you mean", what needs no secret, one message per failure, help, completions,
and the project filters that keep words like SHA3-256 out. Every run is the binary as a user runs it, against
fakes on loopback only."""
import json
import re
import socket
import subprocess
import threading
from pathlib import Path


import conftest
from conftest import Repo, assert_valid_requests, binary, build_keys, clean_env, run, run_parallel
from fake_jira_cloud import CLIENT_SECRET, FakeJiraCloud
from fake_jira_server import PAT
from private_ca import make_tls
from test_keys import assert_one_line_error
from test_server import server, shop  # noqa: F401  (fixtures: Jira Server under /jira, a Bitbucket Server clone)

ERROR = "jira-ci: error: "
WARNING = "jira-ci: warning: "


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def offline(**extra):
    """An environment in which any attempt to reach the network fails at once: a proxy nobody listens on."""
    dead = f"http://127.0.0.1:{closed_port()}"
    return {"HTTPS_PROXY": dead, "HTTP_PROXY": dead, **extra}


def warnings(result):
    return [line[len(WARNING):] for line in result.err.splitlines() if line.startswith(WARNING)]


def errors(result):
    return [line for line in result.err.splitlines() if line.startswith(ERROR)]



def report(repo, *args, env):
    return run("build", "--state", "successful", "--build-number", "42", "--build-url", "https://ci.example.com/42",
               *args, "--repo", str(repo.path), env=env)


# -- which Jira: the URL and the credential ----------------------------------------------------------------------

def test_a_personal_access_token_with_a_self_hosted_url_means_jira_server(shop, server):
    preview, sent = run_parallel([
        (("build", "--dry-run", "--state", "successful", "--repo", str(shop.path)),
         {"env": offline(JIRA_URL="https://jira.example.com/jira", JIRA_PAT=PAT)}),
        (("build", "--state", "successful", "--build-number", "42", "--build-url", "https://ci.example.com/42",
          "--repo", str(shop.path)), {"env": {"JIRA_URL": server.url, "JIRA_PAT": PAT}})])
    assert preview.code == 0, preview
    assert "Target: Jira Server/Data Center (https://jira.example.com/jira)" in preview.out
    assert sent.code == 0, sent
    assert {r[2] for r in server.api_requests()} == {"pat"}
    assert [link["object"]["title"] for link in server.links["SHOP-1"]] == ["Build 42 of shop: successful"]


def test_a_server_credential_with_a_cloud_url_explains_that_cloud_takes_oauth_credentials(shop):
    credentials = ({"JIRA_PAT": PAT}, {"JIRA_USER": "ci-bot", "JIRA_PASSWORD": "jci-password-51b7"})
    for result in run_parallel([(("build", "--state", "successful", "--build-url", "https://ci.example.com/42",
                                  "--repo", str(shop.path)), {"env": offline(JIRA_URL="https://acme.atlassian.net", **c)})
                                for c in credentials]):
        assert_one_line_error(result, 2, "Jira Cloud", "OAuth credentials", "JIRA_CLIENT_ID", "JIRA_CLIENT_SECRET")
        assert PAT not in result.err and "jci-password-51b7" not in result.err


class Tunnel:
    """An HTTPS proxy on loopback that answers every CONNECT by tunnelling to one loopback port, so jira-ci can
    talk to https://acme.atlassian.net and https://api.atlassian.com while a fake answers. Records the hosts."""

    def __init__(self, port):
        self.port = port
        self.hosts = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._tunnel, args=(client,), daemon=True).start()

    def _tunnel(self, client):
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = client.recv(4096)
            if not chunk:
                return client.close()
            head += chunk
        method, target = head.split(b" ", 2)[:2]
        if method != b"CONNECT":
            client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            return client.close()
        self.hosts.append(target.decode())
        upstream = socket.create_connection(("127.0.0.1", self.port))
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        threading.Thread(target=_pipe, args=(upstream, client), daemon=True).start()
        _pipe(client, upstream)

    def close(self):
        self.listener.close()


def _pipe(source, sink):
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, sink):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def test_a_cloud_url_copied_from_the_browser_works_as_the_site(shop, tmp_path):
    copied = "https://acme.atlassian.net/jira/software/projects/SHOP/boards/1"
    preview, check = run_parallel([
        (("build", "--dry-run", "--state", "successful", "--repo", str(shop.path)), {"env": offline(JIRA_URL=copied)}),
        (("auth", "check", "--dry-run"), {"env": offline(JIRA_URL=copied)})])
    assert "Target: Jira Cloud (site https://acme.atlassian.net, cloudId not known yet)" in preview.out, preview
    assert "GET https://acme.atlassian.net/_edge/tenant_info\n" in check.out, check

    # For real: Atlassian's hosts reached through a proxy, answered by the fake Jira Cloud.
    ca, context = make_tls(tmp_path, ["acme.atlassian.net", "api.atlassian.com"])
    cloud = FakeJiraCloud(tls=context)
    tunnel = Tunnel(cloud.port)
    try:
        env = cloud.env(JIRA_URL=copied, HTTPS_PROXY=tunnel.url, JIRA_CI_CA_CERT=str(ca))
        del env["JIRA_CI_API_URL"]
        result = report(shop, env=env)
        assert result.code == 0, result
        assert "acme.atlassian.net:443" in tunnel.hosts
        assert [r[1] for r in cloud.requests if "tenant_info" in r[1]] == ["/_edge/tenant_info"]
        assert cloud.count("/bulk") == 1
    finally:
        tunnel.close()
        cloud.close()


def test_auth_check_against_a_server_url_without_its_context_path_names_the_fix(server):
    result = run("auth", "check", env={"JIRA_URL": server.origin, "JIRA_PAT": PAT})
    assert_one_line_error(result, 2, "context path", f"{server.origin}/jira")


def test_a_build_report_to_a_server_url_without_its_context_path_names_the_fix(server, shop):
    # The fake serves Jira under /jira and answers 404 for /rest/... at the root, as a misconfigured URL meets it.
    result = report(shop, env={"JIRA_URL": server.origin, "JIRA_PAT": PAT})
    assert_one_line_error(result, 2, "context path", f"{server.origin}/jira")


# -- plain http -------------------------------------------------------------------------------------------------------

def test_plain_http_to_a_remote_jira_server_needs_allow_insecure_http(server, shop):
    # http://jira.example.com is reached through a proxy on loopback that the fake Jira Server itself answers.
    env = {"JIRA_URL": "http://jira.example.com/jira", "JIRA_PAT": PAT, "HTTP_PROXY": server.origin}
    refused, allowed, cloud = run_parallel([
        (("build", "--state", "successful", "--build-url", "https://ci.example.com/42", "--repo", str(shop.path)),
         {"env": env}),
        (("build", "--state", "successful", "--build-url", "https://ci.example.com/42", "--allow-insecure-http",
          "--repo", str(shop.path)), {"env": env}),
        (("build", "--state", "successful", "--build-url", "https://ci.example.com/42", "--allow-insecure-http",
          "--repo", str(shop.path)),
         {"env": offline(JIRA_URL="https://acme.atlassian.net", JIRA_CLIENT_ID="id", JIRA_CLIENT_SECRET=CLIENT_SECRET)})])
    assert_one_line_error(refused, 2, "http://jira.example.com", "--allow-insecure-http")
    assert allowed.code == 0, allowed
    assert [w for w in warnings(allowed) if "plain http" in w and "unencrypted" in w], allowed
    assert [r[0] for r in server.requests] == ["GET", "POST", "POST"]  # the allowed run: which Jira, two links
    assert set(server.links) == {"SHOP-1", "SHOP-2"}
    assert_one_line_error(cloud, 2, "--allow-insecure-http", "Jira Cloud")


# -- soft failures ----------------------------------------------------------------------------------------------------

def test_soft_fail_turns_what_jira_answers_into_a_warning_but_not_usage_errors(cloud, shop):
    def soft(**env):
        result = report(shop, "--soft-fail", env=cloud.env(**env))
        assert result.code == 0, result
        assert errors(result) == [], result
        return [w for w in warnings(result) if "--soft-fail" in w]

    cloud.site_known = False                                   # tenant_info: 404
    assert ["tenant_info" in w for w in soft()] == [True]
    cloud.site_known = True
    cloud.fault("tenant_info", status=200, body=b"<html><body>Log in</body></html>")   # an answer that makes no sense
    assert ["tenant_info" in w for w in soft()] == [True]
    cloud.fault("/bulk", status=404, body=b'{"message": "Not Found"}')
    assert ["404" in w for w in soft()] == [True]
    assert cloud.builds == {}

    no_secret = cloud.env()
    del no_secret["JIRA_CLIENT_SECRET"]
    assert_one_line_error(report(shop, "--soft-fail", env=no_secret), 2, "JIRA_CLIENT_SECRET")


# -- what users type ------------------------------------------------------------------------------------------------

CI_STATES = [
    ("Azure", "Succeeded", "successful"), ("Azure", "SucceededWithIssues", "failed"), ("Azure", "Failed", "failed"),
    ("Azure", "Canceled", "cancelled"),
    ("GitHub", "success", "successful"), ("GitHub", "failure", "failed"), ("GitHub", "cancelled", "cancelled"),
    ("GitLab", "success", "successful"), ("GitLab", "failed", "failed"), ("GitLab", "canceled", "cancelled"),
    ("Bitbucket", "SUCCESSFUL", "successful"), ("Bitbucket", "FAILED", "failed"), ("Bitbucket", "STOPPED", "cancelled"),
    ("Jenkins", "SUCCESS", "successful"), ("Jenkins", "UNSTABLE", "failed"), ("Jenkins", "FAILURE", "failed"),
    ("Jenkins", "ABORTED", "cancelled"), ("Jenkins", "NOT_BUILT", "unknown"),
]


def test_the_states_cis_print_map_to_jira_states(shop):
    # jira-ci reads the words in any letter case, so each word runs once, spelt as the first CI listed prints it.
    words = {}
    for _, word, _ in CI_STATES:
        words.setdefault(word.lower(), word)
    results = dict(zip(words, run_parallel([(("build", "--dry-run", "--json", "--state", word, "--repo", str(shop.path)), {})
                                            for word in words.values()])))
    for ci, word, expected in CI_STATES:
        result = results[word.lower()]
        assert result.code == 0, (ci, word, result)
        assert_valid_requests(result.json)
        assert result.json["requests"][0]["body"]["builds"][0]["state"] == expected, (ci, word)


def test_did_you_mean(shop):
    repo = ("--repo", str(shop.path))
    state, command, env_type, env_name = run_parallel([
        (("build", "--dry-run", "--state", "sucess", *repo), {}),
        (("biuld", "--state", "successful", *repo), {}),
        (("deploy", "--dry-run", "--state", "successful", "--environment", "prod-eu", "--environment-type", "prod", *repo), {}),
        (("deploy", "--dry-run", "--json", "--state", "successful", "--environment", "prodution", *repo), {})])
    assert_one_line_error(state, 2, "'sucess'", "did you mean 'success'")
    assert_one_line_error(command, 2, "'biuld'", "did you mean 'build'")
    assert_one_line_error(env_type, 2, "--environment-type", "did you mean 'production'")
    assert env_name.code == 0, env_name
    assert_valid_requests(env_name.json)
    assert env_name.json["requests"][0]["body"]["deployments"][0]["environment"]["type"] == "unmapped"
    [typo] = [w for w in warnings(env_name) if "prodution" in w]
    assert "did you mean 'production'" in typo, env_name


def test_jenkins_multibranch_job_names_show_decoded(shop):
    jenkins = {"JENKINS_URL": "https://ci.example.com/", "JOB_NAME": "shop/feature%2FABC-1", "BUILD_NUMBER": "12",
               "BUILD_URL": "https://ci.example.com/job/shop/12/", "JIRA_CI_REPO": str(shop.path)}
    preview, shown = run_parallel([(("build", "--dry-run", "--state", "SUCCESS"), {"env": jenkins}),
                                   (("env",), {"env": jenkins})])
    assert preview.code == 0, preview
    assert '"displayName" : "shop/feature/ABC-1 #12"' in preview.out, preview
    assert re.search(r"--pipeline-name\s+shop/feature/ABC-1\s+Jenkins \(\$JOB_NAME\)", shown.out), shown
    assert "%2F" not in shown.out


def test_auth_check_and_gate_dry_runs_need_no_secret_and_show_the_requests(shop):
    cloud_check, with_secret, server_check, gate = run_parallel([
        (("auth", "check", "--dry-run"), {"env": offline(JIRA_URL="https://acme.atlassian.net")}),
        (("auth", "check", "--dry-run"), {"env": offline(JIRA_URL="https://acme.atlassian.net", JIRA_CLIENT_ID="id",
                                                          JIRA_CLIENT_SECRET=CLIENT_SECRET)}),
        (("auth", "check", "--dry-run", "--json"), {"env": offline(JIRA_URL="https://jira.example.com/jira")}),
        (("gate", "--dry-run", "--environment", "production", "--build-number", "9", "--repo", str(shop.path)),
         {"env": offline(JIRA_URL="https://acme.atlassian.net")})])
    for result in (cloud_check, with_secret, server_check, gate):
        assert result.code == 0 and result.err == "", result
    assert "POST https://api.atlassian.com/oauth/token" in cloud_check.out
    assert "GET https://acme.atlassian.net/_edge/tenant_info" in cloud_check.out
    assert CLIENT_SECRET not in with_secret.out
    assert [r["url"] for r in json.loads(server_check.out)["requests"]] == [
        "https://jira.example.com/jira/rest/api/2/myself?expand=groups,applicationRoles",
        "https://jira.example.com/jira/rest/api/2/serverInfo?doHealthCheck=false"]
    assert re.search(r"^GET https://api\.atlassian\.com/jira/deployments/0\.1/cloud/\{cloudId\}/pipelines/[A-Za-z0-9._~-]+"
                     r"/environments/production/deployments/9/gating-status$", gate.out, re.M), gate


# -- one message per failure ------------------------------------------------------------------------------------------

def test_a_rejected_report_says_so_in_exactly_one_line(cloud, server, shop):
    cloud.known_keys = {"OTHER-1"}
    server.issues = set()
    on_cloud, on_server = run_parallel([
        (("build", "--state", "successful", "--build-url", "https://ci.example.com/42", "--repo", str(shop.path)),
         {"env": cloud.env()}),
        (("build", "--state", "successful", "--build-url", "https://ci.example.com/42", "--repo", str(shop.path)),
         {"env": {"JIRA_URL": server.url, "JIRA_PAT": PAT}})])
    for result in (on_cloud, on_server):
        assert_one_line_error(result, 4, "did not accept")
        assert warnings(result) == [], result


def test_a_push_prints_one_line_per_branch(cloud, tmp_path):
    bare = tmp_path / "central.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    work = Repo(tmp_path / "work")
    work.git("remote", "add", "origin", str(bare))
    env = cloud.env(BB_BASE_URL="https://bitbucket.example.com", BB_PROJECT_KEY="ACME", BB_REPO_SLUG="shop")

    def push(*refs):
        completed = subprocess.run(["git", "-C", str(work.path), "push", "-q", "origin", *refs], capture_output=True,
                                   text=True, env=clean_env(env))
        assert completed.returncode == 0, completed.stderr
        return [line[len("remote:"):].strip() for line in completed.stderr.splitlines() if line.strip()]

    work.commit("MAIN-1 initial")
    assert push("main") == []                                # before the hook is installed
    hook = bare / "hooks" / "post-receive"
    hook.write_text(f'#!/bin/sh\nexec "{binary()}" build --hook-stdin --state successful --repo "$PWD"\n')
    hook.chmod(0o755)
    cloud.known_keys = {"MAIN-2", "SHOP-9"}
    work.commit("MAIN-2 on main")
    work.git("checkout", "-q", "-b", "feature/SHOP-9-search")
    work.commit("SHOP-10 search box")                         # a key Jira does not know
    work.git("checkout", "-q", "-b", "chore/tidy", "main")
    work.commit("tidy up")                                   # no key at all
    lines = push("main", "feature/SHOP-9-search", "chore/tidy")
    assert sorted(line.split(": ", 1)[0] for line in lines) == ["chore/tidy", "feature/SHOP-9-search", "main"], lines
    [feature] = [line for line in lines if line.startswith("feature/")]
    assert "SHOP-9" in feature and "SHOP-10" in feature       # what Jira did not know, said on the branch's own line


# -- where to start ------------------------------------------------------------------------------------------------

def test_env_with_nothing_configured_says_what_to_set_first(tmp_path):
    result = run("env", cwd=tmp_path)
    assert result.code == 0, result
    assert "Nothing is configured yet" in result.out
    [cloud] = [line for line in result.out.splitlines() if "Jira Cloud" in line]
    [server] = [line for line in result.out.splitlines() if "Jira Server" in line]
    assert all(name in cloud for name in ("JIRA_URL=", "JIRA_CLIENT_ID=", "JIRA_CLIENT_SECRET=")), cloud
    assert all(name in server for name in ("JIRA_URL=", "JIRA_PAT=")), server


def test_build_help_groups_the_flags_under_titles_and_shows_examples():
    result = run("build", "--help")
    assert result.code == 0, result
    sections, title = {}, None
    for line in result.out.splitlines():
        if re.fullmatch(r"[A-Z][A-Z ]+:", line):
            title = line[:-1]
            assert title not in sections, f"{title} twice"
            sections[title] = []
        elif title:
            sections[title].append(line)
    expected = {"KEYS": ["--repo", "--since", "--issue", "--project"], "REPORT": ["--state", "--build-url", "--junit"],
                "JIRA AND CREDENTIALS": ["--jira-url", "--client-id", "--dry-run"],
                "NETWORK AND DELIVERY": ["--retries", "--soft-fail", "--allow-insecure-http"], "OUTPUT": ["--json"]}
    for title, flags in expected.items():
        assert title in sections, f"no {title} group in:\n{result.out}"
        text = "\n".join(sections[title])
        assert all(re.search(rf"^\s+{flag}\b", text, re.M) for flag in flags), (title, text)
    overview = result.out.split("USAGE:")[0]
    assert "Examples:" in overview and re.search(r"^\s+jira-ci build --", overview, re.M), overview


# -- completions ----------------------------------------------------------------------------------------------------

def bash_complete(script, folder, words):
    """What bash offers after `words` (the last is the word being completed) with the generated script loaded."""
    line = " ".join(words)
    program = (f'source "{script}"\ncd "{folder}"\nCOMP_WORDS=({" ".join(json.dumps(w) for w in words)})\n'
               f'COMP_CWORD={len(words) - 1}\nCOMP_LINE={json.dumps(line)}\nCOMP_POINT=${{#COMP_LINE}}\n'
               f'_jira-ci jira-ci {json.dumps(words[-1])} {json.dumps(words[-2])}\nprintf "%s\\n" "${{COMPREPLY[@]}}"\n')
    completed = subprocess.run(["bash", "--norc", "--noprofile"], input=program, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    return sorted(line for line in completed.stdout.splitlines() if line)


def test_completion_scripts_offer_states_files_and_directories(tmp_path):
    bash, zsh, fish = run_parallel([(("--generate-completion-script", shell), {}) for shell in ("bash", "zsh", "fish")])
    for result in (bash, zsh, fish):
        assert result.code == 0 and result.out, result
    script = tmp_path / "jira-ci.bash"
    script.write_text(bash.out)
    folder = tmp_path / "work"
    (folder / "reports").mkdir(parents=True)
    (folder / "reports.xml").write_text("<testsuite/>")
    (folder / "key.pem").write_text("-----BEGIN PRIVATE KEY-----\n")
    assert bash_complete(script, folder, ["jira-ci", "build", "--state", ""]) == sorted(
        ["pending", "in_progress", "successful", "failed", "cancelled", "unknown"])
    assert "rolled_back" in bash_complete(script, folder, ["jira-ci", "deploy", "--state", "r"])
    assert bash_complete(script, folder, ["jira-ci", "build", "--junit", "rep"]) == ["reports", "reports.xml"]
    for flag in ("--private-key-file", "--ca-cert"):
        assert bash_complete(script, folder, ["jira-ci", "build", flag, ""]) == ["key.pem", "reports", "reports.xml"], flag
    for flag in ("--repo", "--cache-dir"):
        assert bash_complete(script, folder, ["jira-ci", "build", flag, ""]) == ["reports"], flag
    # zsh and fish: the same offers in their own words.
    assert re.search(r"'--state\[[^\n]*\]:state:\{__jira-ci_complete [^\n]*___state", zsh.out)
    assert "___state=('pending' 'in_progress' 'successful' 'failed' 'cancelled' 'unknown')" in zsh.out
    for flag in ("private-key-file", "ca-cert"):
        assert re.search(rf"'--{flag}\[[^\n]*\]:{flag}:_files'", zsh.out), flag
    for flag in ("repo", "cache-dir"):
        assert re.search(rf"'--{flag}\[[^\n]*\]:{flag}:_files -/'", zsh.out), flag
    assert re.search(r"--junit\[[^\n]*\]:junit:_files -g '\\''\*\.xml'", zsh.out)
    build = [line for line in fish.out.splitlines() if '"jira-ci build"' in line]
    fish_flag = {re.search(r"-l '([a-z-]+)'", line).group(1): line for line in build if " -l '" in line}
    assert "-rfka 'pending in_progress successful failed cancelled unknown'" in fish_flag["state"]
    assert fish_flag["private-key-file"].endswith("-rF") and fish_flag["ca-cert"].endswith("-rF")
    assert "__jira-ci_complete_directories" in fish_flag["repo"] and "__jira-ci_complete_directories" in fish_flag["cache-dir"]
    assert "xml" in fish_flag["junit"]


# -- only your projects' keys ---------------------------------------------------------------------------------------

def test_project_auto_on_jira_server_reads_the_projects_and_caches_them_for_an_hour(server, tmp_path):
    repo = Repo(tmp_path / "shop")
    repo.commit("SHOP-1 fix the cart, as ABC-7 in the vendor's tracker says")
    assert run("keys", "--repo", str(repo.path)).out.split() == ["SHOP-1", "ABC-7"]   # both look like keys
    env = {"JIRA_URL": server.url, "JIRA_PAT": PAT}

    def auto():
        result = report(repo, "--project", "auto", env=env)
        assert result.code == 0, result
        assert "ABC-7" not in result.out + result.err, result
        return result

    auto()
    assert server.count("/rest/api/2/project") == 1
    assert set(server.links) == {"SHOP-1"} and server.count("/issue/ABC-7") == 0
    auto()
    assert server.count("/rest/api/2/project") == 1               # the hour has not passed: no new request
    # An hour later the list is read again (new projects appear within the hour).
    [cached] = list((Path(conftest._PRIVATE_DIRS["XDG_CACHE_HOME"]) / "jira-ci").glob("projects-*.json"))
    data = json.loads(cached.read_text())
    data["fetchedAt"] -= 3601
    cached.write_text(json.dumps(data))
    auto()
    assert server.count("/rest/api/2/project") == 2
    assert server.count("/issue/ABC-7") == 0


def test_on_cloud_unknown_keys_bring_one_hint_naming_the_projects_jira_accepted(cloud, tmp_path):
    repo = Repo(tmp_path / "shop")
    repo.commit("SHOP-1 SHOP-4: port the FOO-2 fix (see BAR-3)")
    cloud.known_keys = {"SHOP-1", "SHOP-4"}
    result = report(repo, env=cloud.env())
    assert result.code == 0, result
    [hint] = [w for w in warnings(result) if "--project" in w]
    assert "--project SHOP" in hint and "FOO" not in hint and "BAR" not in hint, hint


def test_sha3_256_in_a_commit_message_or_branch_is_no_key(tmp_path):
    repo = Repo(tmp_path / "shop")
    repo.commit("init")
    repo.git("checkout", "-q", "-b", "feature/sha3-256-digests")
    repo.commit("SHOP-1: hash artifacts with SHA3-256 instead of SHA-256")
    result = run("build", "--dry-run", "--json", "--state", "successful", "--since", "HEAD~1",
                 "--build-url", "https://ci.example.com/42", "--repo", str(repo.path))
    assert result.code == 0, result
    assert_valid_requests(result.json)
    assert build_keys(result.json["requests"][0]["body"]["builds"][0]) == ["SHOP-1"]
