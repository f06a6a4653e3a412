"""Nothing lost, nothing held, nothing injected (issue 18): the failures that remained after the outbox and the
hostile-input work. Each test misbehaves one way (a Jira, the environment, the streams jira-ci writes to) and checks
the promise the README makes for it: one clear line, a documented exit code, no crash, no hang, no secret, no
forged line and no lost report."""
import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import (Repo, assert_no_secrets, binary, build_keys, central_repository, clean_env, make_shop, outbox_dir,
                      push, run)
from fake_jira_cloud import CLOUD_ID, FakeJiraCloud
from fake_jira_server import PAT, FakeJiraServer
from test_hostile import assert_terminal_safe
from test_outbox import poll, waiting
from test_server import key

ERROR = "jira-ci: error: "
WARNING = "jira-ci: warning: "
ZERO = "0" * 40


def report_env(fake, repo, **extra):
    return fake.env(JIRA_CI_CACHE_DIR=str(repo.path.parent / "cache"), **extra)


def build_args(repo, number=42):
    return ["build", "--state", "successful", "--build-number", str(number), "--build-url",
            f"https://ci.example.com/shop/{number}", "--repo", str(repo.path)]


def run_with_closed_streams(args, env, stdin=None, close=("stdout", "stderr"), timeout=60):
    """jira-ci with stdout and/or stderr a pipe nobody reads any more (the reader went away before the first
    write, as a pushing client that pressed Ctrl-C): returns the exit status."""
    streams = {}
    ends = []
    for name in ("stdout", "stderr"):
        if name in close:
            read, write = os.pipe()
            os.close(read)
            streams[name] = write
            ends.append(write)
        else:
            streams[name] = subprocess.DEVNULL
    try:
        completed = subprocess.run([binary(), *args], env=clean_env(env), input=stdin, timeout=timeout,
                                   stdout=streams["stdout"], stderr=streams["stderr"], text=True)
    finally:
        for end in ends:
            os.close(end)
    return completed.returncode


# -- 2. a closed output never stops delivery or queueing --------------------------------------------------------------
def test_a_report_is_delivered_and_its_status_kept_when_stdout_and_stderr_are_closed_pipes(cloud, shop):
    status = run_with_closed_streams(build_args(shop), report_env(cloud, shop))
    assert status == 0, "a closed pipe must not kill the run (141 is SIGPIPE)"
    assert cloud.build("github.com/acme/shop", 42)["state"] == "successful"
    # A failure keeps its own status too: Jira refuses the credentials (3), nothing to do with the pipe.
    refused = run_with_closed_streams(build_args(shop, 43), report_env(cloud, shop, JIRA_CLIENT_SECRET="wrong", JIRA_CI_NO_CACHE="1"))
    assert refused == 3


def test_a_report_is_queued_whole_when_jira_is_down_and_stdout_is_closed_outright(cloud, shop):
    cloud.go_down()
    command = [binary(), *build_args(shop), "--retries", "0"]
    completed = subprocess.run(["sh", "-c", 'exec "$@" >&- 2>&-', "sh", *command], env=clean_env(report_env(cloud, shop)),
                               timeout=60)
    assert completed.returncode == 5
    [queued] = waiting()
    json.loads(queued.read_text())  # whole: no output landed in the report file that took stdout's number


def test_a_hook_whose_client_went_away_still_queues_and_starts_its_background_flush(cloud, tmp_path):
    repo = make_shop(tmp_path)
    cloud.go_down()
    line = f"{ZERO} {repo.git('rev-parse', 'HEAD')} refs/heads/feature/SHOP-1-cart\n"
    env = report_env(cloud, repo, JIRA_CI_HOOK_BUDGET="1s", BB_BASE_URL="https://bb.example.com",
                     BB_PROJECT_KEY="ACME", BB_REPO_SLUG="shop")
    status = run_with_closed_streams(["build", "--hook-stdin", "--state", "successful", "--repo", str(repo.path)],
                                     env, stdin=line)
    assert status == 0  # a hook never fails the push
    assert len(waiting()) == 1
    cloud.come_back()
    assert poll(lambda: len(cloud.builds) == 1 and not waiting(), 60), "the background flush did not deliver"


# -- 7. the header limit counts every header block of an answer --------------------------------------------------------
def test_interim_header_blocks_count_towards_the_64_kib_limit(cloud, shop):
    padding = "x" * 60_000
    interim = f"HTTP/1.1 100 Continue\r\nX-Pad: {padding}\r\n\r\n" * 4
    accepted = json.dumps({"acceptedBuilds": [], "rejectedBuilds": [], "unknownIssueKeys": []})
    final = f"HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: {len(accepted)}\r\n\r\n{accepted}"
    cloud.fault("/bulk", raw=(interim + final).encode())
    result = run(*build_args(shop), "--retries", "0", env=report_env(cloud, shop))
    assert result.code != 0 and "too large" in result.err, result
    assert "Jira accepted" not in result.out


# -- 9. --repo wins over the git variables a hook inherits ---------------------------------------------------------------
def test_repo_wins_over_inherited_git_variables_and_without_it_they_still_choose(tmp_path):
    real = Repo(tmp_path / "real")
    real.commit("REAL-1 the named one")
    other = Repo(tmp_path / "other")
    other.commit("OTHER-1 another repository")
    inherited = {"GIT_DIR": str(other.path / ".git"), "GIT_WORK_TREE": str(other.path),
                 "GIT_INDEX_FILE": str(other.path / ".git" / "index"),
                 "GIT_OBJECT_DIRECTORY": str(other.path / ".git" / "objects")}
    named = run("keys", "--repo", str(real.path), env=inherited)
    assert named.code == 0 and named.out.split() == ["REAL-1"], named
    by_variable = run("keys", env={**inherited, "JIRA_CI_REPO": str(real.path)})
    assert by_variable.out.split() == ["REAL-1"], by_variable
    # Without --repo the hook's own repository (GIT_DIR) stays the default.
    unnamed = run("keys", env={"GIT_DIR": str(other.path / ".git")}, cwd=str(tmp_path))
    assert unnamed.out.split() == ["OTHER-1"], unnamed


def test_a_hook_that_names_its_repository_reads_it_whatever_git_dir_says(cloud, tmp_path):
    work = central_repository(tmp_path, "build --hook-stdin --state successful")
    hook = tmp_path / "central.git" / "hooks" / "post-receive"
    elsewhere = Repo(tmp_path / "elsewhere")
    elsewhere.commit("ELSE-1 not this push")
    # git runs the hook with GIT_DIR set; a hook that points it elsewhere must still read the repository it names.
    hook.write_text(hook.read_text().replace("exec ", f'GIT_DIR="{elsewhere.path / ".git"}" exec ', 1))
    work.commit("SHOP-5 pushed")
    env = report_env(cloud, work, BB_BASE_URL="https://bb.example.com", BB_PROJECT_KEY="ACME", BB_REPO_SLUG="shop")
    push(work, env, "main")
    [build] = cloud.builds.values()
    assert build_keys(build) == ["SHOP-5"]


# -- 10. text from outside cannot forge a line, nor display as something it is not ------------------------------------
FORGED = "jira-ci: error: forged by the server"


def test_a_display_name_with_a_line_break_cannot_forge_a_line_in_auth_check():
    server = FakeJiraServer(key()[1])
    try:
        server.fault("/rest/api/2/myself", status=200,
                     body={"name": "bot", "displayName": f"CI Bot\n{FORGED}\u202egnp.exe"})
        result = run("auth", "check", env={"JIRA_URL": server.url, "JIRA_PAT": PAT})
        assert result.code == 0, result
        lines = (result.out + result.err).splitlines()
        assert FORGED not in lines and not any(line.startswith(FORGED) for line in lines), result
        assert "CI Bot\\njira-ci: error: forged" in result.out and "\\u{202E}gnp.exe" in result.out
        assert "\u202e" not in result.out
    finally:
        server.close()


def test_a_rejection_message_with_a_line_break_is_one_line_in_a_hooks_branch_line(tmp_path):
    server = FakeJiraServer(key()[1])
    try:
        repo = make_shop(tmp_path)
        for _ in range(4):
            server.fault("/remotelink", status=400, body={"errorMessages": [f"bad link\n{FORGED}"]})
        line = f"{ZERO} {repo.git('rev-parse', 'HEAD')} refs/heads/feature/SHOP-1-cart\n"
        result = run("build", "--hook-stdin", "--state", "successful", "--repo", str(repo.path),
                     env={"JIRA_URL": server.url, "JIRA_PAT": PAT}, input=line)
        assert result.code == 0, result
        lines = (result.out + result.err).splitlines()
        assert not any(line.startswith(FORGED) for line in lines), result
        assert "bad link\\njira-ci: error: forged" in result.out + result.err, result
    finally:
        server.close()


def test_bidirectional_controls_in_git_data_are_shown_escaped_everywhere(cloud, tmp_path):
    repo = Repo(tmp_path / "shop")
    repo.git("remote", "add", "origin", "git@github.com:acme/shop.git")
    repo.commit("init")
    branch = "feature/SHOP-1-\u202egnp.exe\u2066x\u2069"
    repo.git("checkout", "-q", "-b", branch)
    repo.commit("SHOP-2 \u202dfix\u202c and SHOP-3")
    explain = run("keys", "--explain", "--pr-title", "SHOP-4 \u202btitle\u2067", "--repo", str(repo.path))
    dry = run("build", "--dry-run", "--state", "successful", "--repo", str(repo.path))
    as_json = run("build", "--dry-run", "--json", "--state", "successful", "--repo", str(repo.path))
    for result in (explain, dry, as_json):
        assert result.code == 0, result
        for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
            assert control not in result.out and control not in result.err, (control, result)
        assert_terminal_safe(result)
    assert "\\u{202E}gnp.exe" in explain.out and "\\u{202E}gnp.exe" in dry.out
    # JSON keeps the text recoverable: the escape is JSON's own.
    assert as_json.json["requests"][0]["body"]["builds"][0]["references"][0]["ref"]["name"] == branch


# -- 11. the token and cloudId cache follows the outbox's rules --------------------------------------------------------
def planted_cloud_id(cache, site):
    import hashlib
    cache.mkdir(parents=True, exist_ok=True)
    name = "cloudid-" + hashlib.sha256(site.encode()).hexdigest()[:32] + ".json"
    (cache / name).write_text(json.dumps({"site": site, "cloudId": "99999999-9999-9999-9999-999999999999"}))
    (cache / name).chmod(0o600)


@pytest.mark.parametrize("unsafe", ["writable-by-others", "another-users"])
def test_a_cache_folder_others_control_is_not_used(cloud, shop, tmp_path, unsafe):
    cache = tmp_path / "shared-cache"
    planted_cloud_id(cache, cloud.url)
    if unsafe == "writable-by-others":
        cache.chmod(0o777)
    else:
        cache.chmod(0o700)
        os.chown(cache, 65534, 65534)
    result = run(*build_args(shop), env=cloud.env(JIRA_CI_CACHE_DIR=str(cache)))
    assert result.code == 0, result
    assert cloud.count("tenant_info") == 1 and cloud.count(f"/cloud/{CLOUD_ID}/bulk") == 1
    warnings = [line for line in result.err.splitlines() if line.startswith(WARNING) and str(cache) in line]
    assert len(warnings) == 1 and "not used" in warnings[0], result
    assert not list(cache.glob("token-*")), "a token was written into a folder others control"


# -- 5. memory does not follow what Jira sends --------------------------------------------------------------------------
@pytest.mark.parametrize("length", [17 * 1024, 1024 * 1024])
def test_a_token_longer_than_any_real_one_is_an_invalid_answer_and_the_report_waits(cloud, shop, length):
    token = "t" * (length - 7) + "-secret"
    cloud.fault("/oauth/token", status=200, body={"access_token": token, "token_type": "Bearer", "expires_in": 3600})
    result = run(*build_args(shop), "--retries", "0", "--verbose", env=report_env(cloud, shop))
    assert result.code == 5, result
    assert "without a usable access token" in result.err and "queued in" in result.err, result
    assert token not in result.out + result.err and "t" * 1000 not in result.err
    assert len(waiting()) == 1 and not list((shop.path.parent / "cache").glob("token-*"))


def test_a_long_but_plausible_token_is_used_and_hidden(cloud, shop):
    token = "eyJ" + "a" * (15 * 1024) + "-secret"
    cloud.fault("/oauth/token", status=200, body={"access_token": token, "token_type": "Bearer", "expires_in": 3600})
    cloud.tokens_issued.append(token)  # the fake accepts it as one of its own
    result = run(*build_args(shop), "--verbose", env=report_env(cloud, shop))
    assert token not in result.out + result.err
    assert result.code == 0, result
    assert cloud.build("github.com/acme/shop", 42)["state"] == "successful"


# -- 12. upgrades and downgrades keep queued reports -------------------------------------------------------------------
FORMAT_1 = Path(__file__).parent / "fixtures" / "outbox-format-1"


def place(fixture, fake, name):
    """A report jira-ci 0.1.0 queued, byte for byte but for its site, which becomes the fake's."""
    report = json.loads(fixture.read_text())
    assert "format" not in report
    report["target"].update(apiURL=fake.url, siteURL=fake.url)
    box = outbox_dir()
    box.mkdir(parents=True, exist_ok=True, mode=0o700)
    (box / name).write_text(json.dumps(report))
    (box / name).chmod(0o600)
    return report


def test_reports_the_previous_release_queued_are_delivered(cloud, tmp_path):
    build = place(FORMAT_1 / "build.json", cloud, "00000000000000001-00000001.json")
    deployment = place(FORMAT_1 / "deployment.json", cloud, "00000000000000002-00000002.json")
    devinfo = place(FORMAT_1 / "devinfo.json", cloud, "00000000000000003-00000003.json")
    result = run("flush", env=cloud.env(JIRA_CI_CACHE_DIR=str(tmp_path / "cache")))
    assert result.code == 0 and "delivered 3, rejected 0, waiting 0" in result.out, result
    assert not waiting() and not list((outbox_dir() / "rejected").glob("*"))
    [sent] = cloud.bodies("/builds/0.1/")[0]["builds"]
    assert sent == build["entity"]["build"]  # unchanged, sequence number included
    [sent] = cloud.bodies("/deployments/0.1/")[0]["deployments"]
    assert sent == deployment["entity"]["deployment"]
    [repository] = cloud.bodies("/devinfo/0.1/")[0]["repositories"]
    assert repository["commits"] == devinfo["entity"]["devinfo"]["commits"]


def test_a_report_of_a_newer_format_is_left_waiting_with_a_warning(cloud, tmp_path):
    newer = place(FORMAT_1 / "build.json", cloud, "00000000000000001-0000000a.json")
    newer.update(format=99, somethingNew={"a": 1})
    (outbox_dir() / "00000000000000001-0000000a.json").write_text(json.dumps(newer))
    env = cloud.env(JIRA_CI_CACHE_DIR=str(tmp_path / "cache"))
    listed = run("flush", "--dry-run", env=env)
    assert "newer jira-ci" in listed.out and "00000000000000001-0000000a.json" in listed.out, listed
    for _ in range(2):
        result = run("flush", env=env)
        assert result.code == 0, result
        assert "(and 1 from a newer jira-ci)" in result.out
        [warning] = [line for line in result.err.splitlines() if "newer jira-ci" in line]
        assert warning.startswith(WARNING) and "format 99" in warning and "left waiting" in warning
    assert [path.name for path in waiting()] == ["00000000000000001-0000000a.json"]
    assert not (outbox_dir() / "rejected").exists() or not list((outbox_dir() / "rejected").iterdir())
    assert cloud.count("/bulk") == 0


# -- 1. one table: every exit 5 is a report that waits, or a line that says why it could not --------------------------
def _cut_off(fake):
    body = json.dumps({"acceptedBuilds": [], "rejectedBuilds": [], "unknownIssueKeys": []})
    fake.fault("/bulk", raw=f"HTTP/1.1 202 Accepted\r\nContent-Length: {len(body) + 500}\r\n\r\n{body}".encode())


def _garbage(fake):
    fake.fault("/bulk", raw=b"\x00\xffNOT HTTP AT ALL\r\n\r\n")


def _not_json(fake):
    fake.fault("/bulk", status=202, body=b"<html>maintenance</html>")


def _huge_error(fake):
    fake.fault("/bulk", status=502, body=b"y" * (5 << 20))


def _gzip_cut_off(fake):
    import gzip
    packed = gzip.compress(json.dumps({"acceptedBuilds": []}).encode() * 50)
    fake.fault("/bulk", raw=b"HTTP/1.1 202 Accepted\r\nContent-Encoding: gzip\r\nContent-Length: "
               + str(len(packed)).encode() + b"\r\n\r\n" + packed[: len(packed) // 2])


@pytest.mark.parametrize("cause", [_cut_off, _garbage, _not_json, _huge_error, _gzip_cut_off],
                         ids=["cut-off-body", "garbage", "not-json", "huge-5xx", "gzip-cut-off"])
def test_every_answer_jira_could_not_have_meant_queues_the_report_exit_5(cloud, shop, cause):
    cause(cloud)
    result = run(*build_args(shop), "--retries", "0", env=report_env(cloud, shop))
    assert result.code == 5, result
    assert ERROR not in result.err, result
    [queued] = [line for line in result.err.splitlines() if "queued in" in line]
    assert queued.startswith(WARNING + "Jira unreachable (")
    assert len(waiting()) == 1
    # The next run delivers it: nothing was lost.
    again = run(*build_args(shop, 43), env=report_env(cloud, shop))
    assert again.code == 0 and not waiting(), again
    assert sorted(b["buildNumber"] for b in cloud.builds.values()) == [42, 43]


def test_an_exit_5_whose_report_cannot_be_written_says_so_and_why(cloud, shop, tmp_path):
    cloud.go_down()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the outbox's parent should be")
    result = run(*build_args(shop), "--retries", "0", env=report_env(cloud, shop, JIRA_CI_OUTBOX=str(blocker / "outbox")))
    assert result.code == 5, result
    [error] = [line for line in result.err.splitlines() if line.startswith(ERROR)]
    assert "could not be queued" in error and str(blocker) in error, result
    assert "queued in" not in result.err
    soft = run(*build_args(shop), "--retries", "0", "--soft-fail",
               env=report_env(cloud, shop, JIRA_CI_OUTBOX=str(blocker / "outbox")))
    assert soft.code == 0 and "could not be queued" in soft.err and ERROR not in soft.err, soft


# -- 3 and 4. hooks: honest lines, and a budget that covers the whole run ------------------------------------------------
def many_branches(work, count, project="BIG"):
    """`count` branches, each with one commit of its own naming an issue, made in one git fast-import."""
    lines = []
    for index in range(1, count + 1):
        message = f"{project}-{index} change {index}\n".encode()
        lines.append(f"commit refs/heads/feature/{project}-{index}\n".encode())
        lines.append(f"committer Test <t@example.com> {1_700_000_000 + index} +0000\n".encode())
        lines.append(f"data {len(message)}\n".encode() + message)
        lines.append(b"from refs/heads/main\n\n")
    subprocess.run(["git", "-C", str(work.path), "fast-import", "--quiet"], input=b"".join(lines), check=True,
                   env=clean_env())
    return [f"feature/{project}-{index}" for index in range(1, count + 1)]


def hook_env(cloud, tmp_path, **extra):
    return cloud.env(**{"JIRA_CI_CACHE_DIR": str(tmp_path / "cache"), "BB_BASE_URL": "https://bb.example.com",
                        "BB_PROJECT_KEY": "ACME", "BB_REPO_SLUG": "shop", **extra})


@pytest.mark.parametrize("command", ["build --hook-stdin --state successful", "devinfo --hook-stdin"])
def test_a_hook_never_says_queued_when_nothing_was_written(cloud, tmp_path, command):
    work = central_repository(tmp_path, command)
    work.commit("SHOP-1 first")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("in the way")
    cloud.go_down()
    err = push(work, hook_env(cloud, tmp_path, JIRA_CI_OUTBOX=str(blocker / "outbox")), "main")
    assert "queued: Jira did not answer" not in err and "queued in" not in err, err
    assert "could not be queued" in err and str(blocker) in err, err
    assert not (blocker.parent / "outbox").exists()


@pytest.mark.parametrize("command,api", [("build --hook-stdin --state successful", "/builds/0.1/"),
                                         ("devinfo --hook-stdin", "/devinfo/0.1/")])
def test_a_push_bigger_than_the_budget_hands_the_rest_to_a_background_run_and_all_arrive(cloud, tmp_path, command, api):
    work = central_repository(tmp_path, command)
    work.commit("MAIN-1 initial")
    names = many_branches(work, 300)
    err = push(work, hook_env(cloud, tmp_path, JIRA_CI_HOOK_BUDGET="100ms"), "main", *names)
    assert "go to a background run" in err and "budget ran out" in err, err
    assert_no_secrets(type("R", (), {"out": "", "err": err})(), cloud)

    def reported():
        bodies = cloud.bodies(api)
        if api == "/builds/0.1/":
            return {key for body in bodies for build in body["builds"] for key in build_keys(build)}
        return {key for body in bodies for repo in body["repositories"] for commit in repo.get("commits", [])
                for key in commit["issueKeys"]}

    expected = {f"BIG-{n}" for n in range(1, 301)}
    log = outbox_dir() / "flush.log"
    assert poll(lambda: expected <= reported() and not waiting(), 120), \
        f"{len(expected - reported())} not delivered; flush.log:\n{log.read_text() if log.exists() else '(none)'}"
    assert not list(outbox_dir().glob("*.pending")), "the handed-on refs were not cleaned up"
    # No builds request carried more than the API's 100.
    assert all(len(body.get("builds", [])) <= 100 for body in cloud.bodies("/builds/0.1/"))


def test_a_push_the_budget_does_not_cover_to_a_jira_that_never_answers_loses_nothing(cloud, tmp_path):
    work = central_repository(tmp_path, "build --hook-stdin --state successful")
    work.commit("MAIN-1 initial")
    names = many_branches(work, 120)
    for _ in range(200):
        cloud.hang("/bulk")
    err = push(work, hook_env(cloud, tmp_path, JIRA_CI_HOOK_BUDGET="500ms"), "main", *names)
    assert "background run" in err, err
    # Every report of the push is on disk before Jira answers again...
    assert poll(lambda: len(waiting()) == 121 and not list(outbox_dir().glob("*.pending")), 60), len(waiting())
    with cloud.lock:
        cloud.faults.clear()
    cloud.go_down()
    cloud.come_back()
    # ...and they all go once Jira answers: the background run retries, or a later flush sends what it left.
    assert poll(lambda: not waiting() or (run("flush", env=hook_env(cloud, tmp_path)).code == 0 and not waiting()), 90), \
        len(waiting())
    assert {build_keys(b)[0] for b in cloud.builds.values()} >= {f"BIG-{n}" for n in range(1, 121)}


# -- 6. what Jira says is shown bounded ---------------------------------------------------------------------------------
def test_a_megabyte_error_message_is_one_short_line(cloud, shop):
    cloud.fault("/bulk", status=400, body={"errors": [{"message": "bad " + "x" * (1 << 20)}]})
    result = run(*build_args(shop), env=report_env(cloud, shop))
    assert result.code == 4, result
    [error] = [line for line in result.err.splitlines() if line.startswith(ERROR)]
    assert len(error) < 600, len(error)


def test_twenty_thousand_messages_are_ten_on_a_line_and_a_hundred_in_json(cloud, shop):
    answer = {"acceptedBuilds": [], "unknownIssueKeys": [],
              "rejectedBuilds": [{"key": {"pipelineId": "github.com-acme-shop-4a826dd6", "buildNumber": 42},
                                  "errors": [{"message": f"problem {n} " + "y" * 120} for n in range(20_000)]}]}
    for _ in range(2):
        cloud.fault("/bulk", status=202, body=answer)
    human = run(*build_args(shop), env=report_env(cloud, shop))
    assert human.code == 4, human
    [error] = [line for line in human.err.splitlines() if line.startswith(ERROR)]
    assert len(error) < 4000 and error.endswith("and 19990 more"), error[-200:]
    as_json = run(*build_args(shop), "--json", env=report_env(cloud, shop))
    [rejection] = as_json.json["rejected"]
    assert len(rejection["errors"]) == 100 and rejection["errorsNotListed"] == 19_900
    assert len(as_json.out) < 100_000


# -- 8. every link base, whatever its source, is an absolute http(s) URL without credentials ---------------------------
HOSTILE_BASES = ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<script>x</script>",
                 "https://bob:hunter2secret@bb.example.com"]


def links_in(body):
    found = []
    if isinstance(body, dict):
        for key, value in body.items():
            if isinstance(value, str) and (key.lower().endswith(("url", "uri")) or "://" in value or ":" in value[:12]):
                found.append(value)
            found += links_in(value)
    elif isinstance(body, list):
        for value in body:
            found += links_in(value)
    return found


@pytest.mark.parametrize("base", HOSTILE_BASES)
def test_a_hostile_bb_base_url_gives_no_link_and_a_warning(cloud, tmp_path, base):
    work = central_repository(tmp_path, "devinfo --hook-stdin")
    work.commit("SHOP-1 first")
    env = hook_env(cloud, tmp_path, BB_BASE_URL=base, JIRA_CI_REPOSITORY_URL="https://git.example.com/acme/shop")
    err = push(work, env, "main")
    assert "BB_BASE_URL" in err and "no link base" in err, err
    assert "hunter2secret" not in err
    [body] = cloud.bodies("/devinfo/0.1/")
    for link in links_in(body):
        assert link.startswith("https://git.example.com/"), link
    assert "hunter2secret" not in json.dumps(body)


def test_links_the_ci_gives_are_checked_like_the_url_flags(cloud, shop):
    env = {"JENKINS_URL": "https://ci/", "JOB_NAME": "shop", "BUILD_NUMBER": "7",
           "BUILD_URL": "https://ci:tok3nsecret@ci.example.com/job/shop/7/", "JOB_URL": "javascript:alert(1)"}
    result = run("build", "--dry-run", "--json", "--state", "successful", "--repo", str(shop.path), env=env)
    assert result.code == 0, result
    [build] = result.json["requests"][0]["body"]["builds"]
    for link in links_in(build):
        assert link.startswith("https://github.com/acme/shop"), link
    assert "tok3nsecret" not in result.out + result.err
    warnings = [line for line in result.err.splitlines() if line.startswith(WARNING)]
    assert any("BUILD_URL" in line and "no absolute http(s) URL" in line for line in warnings), result
    assert any("JOB_URL" in line for line in warnings), result
    # A link typed as a flag stays a usage error.
    typed = run("build", "--dry-run", "--state", "successful", "--build-url", "javascript:alert(1)", "--repo", str(shop.path))
    assert typed.code == 2


def test_a_remote_with_credentials_or_no_web_form_gives_links_without_them(tmp_path):
    for remote, expected in [("https://bob:gh0stpass@github.com/acme/shop.git", "https://github.com/acme/shop"),
                             ("javascript:alert(1)", None)]:
        repo = make_shop(tmp_path / str(abs(hash(remote))), remote=remote)
        result = run("build", "--dry-run", "--json", "--state", "successful", "--build-url", "https://ci.example.com/1",
                     "--repo", str(repo.path))
        assert result.code == 0, result
        body = json.dumps(result.json)
        assert "gh0stpass" not in body and "javascript:" not in body
        links = links_in(result.json["requests"][0]["body"])
        if expected:
            assert any(link.startswith(expected) for link in links), links
