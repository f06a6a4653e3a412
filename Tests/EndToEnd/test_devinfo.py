"""`jira-ci devinfo`: commits and branches in Jira's development panel, from CI or by hand, from a real git hook,
and as a resumable backfill; on Jira Cloud (the Development Information API, every body schema-checked by the fake)
and on Jira Server (one remote link per issue and branch)."""
import json
import math
import re
import subprocess
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

import conftest
from conftest import (Repo, assert_no_secrets, assert_valid_requests, central_repository, clean_env,
                      is_path_safe_id_of, make_shop, outbox_dir, push, run)
import fake_jira_cloud
from fake_jira_cloud import CLOUD_ID
from fake_jira_server import PAT, FakeJiraServer
from test_keys import assert_one_line_error

BULK = f"/jira/devinfo/0.1/cloud/{CLOUD_ID}/bulk"
GITHUB = "https://github.com/acme/shop"
BB_ENV = {"BB_BASE_URL": "https://bitbucket.example.com/", "BB_PROJECT_KEY": "ACME", "BB_REPO_SLUG": "shop"}
BB_REPO = "https://bitbucket.example.com/projects/ACME/repos/shop"
UTC_ISO = r"(\.0+)?(Z|\+00:00)"


# -- helpers --------------------------------------------------------------------------------------------------------
def shop(tmp_path, remote=conftest.GITHUB, branch="feature/SHOP-1-cart"):
    """The sample repository with a README on main and the feature branch checked out, still without commits."""
    return make_shop(tmp_path, remote, branch, change=None, base_files={"README.md": "hello\n"})


def dry(repo, *args, env=None, check=True):
    """A JSON dry run of devinfo; every body it shows must be one Jira accepts."""
    result = run("devinfo", *args, "--dry-run", "--json", "--repo", str(repo.path), env=env)
    if check:
        assert result.code == 0, result
        assert_valid_requests(result.json)
    return result


def bodies(result):
    return [request["body"] for request in result.json["requests"]]


def single_repository(body_list):
    repositories = [r for body in body_list for r in body["repositories"]]
    assert len({r["id"] for r in repositories}) == 1, repositories
    return repositories[0]


def commits_of(body_list):
    return [c for body in body_list for r in body["repositories"] for c in r.get("commits", [])]


def branches_of(body_list):
    return [b for body in body_list for r in body["repositories"] for b in r.get("branches", [])]


def devinfo(fake, repo, *args, env=None):
    """A real devinfo run against a fake Jira; no secret may show on stdout or stderr."""
    base = fake.env() if hasattr(fake, "env") else {}
    result = run("devinfo", *args, "--repo", str(repo.path), env={**base, **(env or {})})
    assert_no_secrets(result, fake)
    return result


def stored(cloud, repository_id=None):
    """What the fake Jira Cloud holds for the only (or the given) repository."""
    if repository_id is None:
        assert len(cloud.repositories) == 1, list(cloud.repositories)
        repository_id = next(iter(cloud.repositories))
    return cloud.repositories[repository_id]


def utf16_units(text):
    return len(text.encode("utf-16-le")) // 2


# -- CI or by hand: the range and its branch -----------------------------------------------------------------------
def test_range_sends_each_keyed_commit_with_its_details_and_the_branch(tmp_path):
    repo = shop(tmp_path)
    c1 = repo.change("SHOP-2 add cart\n\nThe cart keeps items.", {"cart/cart.swift": "a\nb\nc\n"},
                date="2024-03-01T10:00:00+02:00", author="Zoë Doe <zoe@example.com>")
    c2 = repo.change("tidy up the readme", {"README.md": "hello\nworld\n"})
    c3 = repo.change("SHOP-3 fix the total", {"cart/cart.swift": "a\nB\nc\nd\n"}, remove=["README.md"])

    result = dry(repo, "--since", repo.base)
    [request] = result.json["requests"]
    assert request["method"] == "POST"
    assert request["url"] == "https://api.atlassian.com/jira/devinfo/0.1/cloud/{cloudId}/bulk"
    [repository] = request["body"]["repositories"]
    assert is_path_safe_id_of(repository["id"], "github.com/acme/shop")
    assert repository["name"] == "acme/shop"
    assert repository["url"] == GITHUB

    commits = {c["id"]: c for c in repository["commits"]}
    assert set(commits) == {c1, c3}, "the commit without a key is not sent; the others are"
    first = commits[c1]
    assert first["displayId"] == c1[:7]
    assert first["message"] == "SHOP-2 add cart\n\nThe cart keeps items."
    assert first["author"] == {"name": "Zoë Doe", "email": "zoe@example.com"}
    assert re.fullmatch(r"2024-03-01T08:00:00" + UTC_ISO, first["authorTimestamp"]), first["authorTimestamp"]
    assert first["issueKeys"] == ["SHOP-2"]
    assert first["url"] == f"{GITHUB}/commit/{c1}"
    assert first["fileCount"] == 1
    assert first["files"] == [{"path": "cart/cart.swift", "changeType": "ADDED", "linesAdded": 3, "linesRemoved": 0,
                               "url": f"{GITHUB}/blob/{c1}/cart/cart.swift"}]
    assert "MERGE_COMMIT" not in first.get("flags", [])
    third = commits[c3]
    assert third["issueKeys"] == ["SHOP-3"] and third["fileCount"] == 2
    assert [(f["path"], f["changeType"], f["linesAdded"], f["linesRemoved"]) for f in third["files"]] == [
        ("README.md", "DELETED", 0, 2), ("cart/cart.swift", "MODIFIED", 2, 1)]

    [branch] = repository["branches"]
    assert branch["name"] == "feature/SHOP-1-cart"
    assert is_path_safe_id_of(branch["id"], "feature/SHOP-1-cart")
    assert branch["url"] == f"{GITHUB}/tree/feature/SHOP-1-cart"
    assert branch["lastCommit"]["id"] == c3 and branch["lastCommit"]["issueKeys"] == ["SHOP-3"]
    # The branch's keys: its name first, then its commits, exactly what `jira-ci keys` finds for the same range.
    keys = run("keys", "--since", repo.base, "--json", "--repo", str(repo.path))
    assert branch["issueKeys"][0] == "SHOP-1"
    assert sorted(branch["issueKeys"]) == sorted(keys.json["keys"]) == ["SHOP-1", "SHOP-2", "SHOP-3"]
    assert c2 not in result.out


def test_without_since_only_the_commit_itself_and_commit_picks_another(tmp_path):
    repo = shop(tmp_path)
    c1 = repo.change("SHOP-2 first", {"a.txt": "1\n"})
    c2 = repo.change("SHOP-3 second", {"a.txt": "2\n"})
    head_only = dry(repo)
    assert [c["id"] for c in commits_of(bodies(head_only))] == [c2]
    assert branches_of(bodies(head_only))[0]["issueKeys"] == ["SHOP-1", "SHOP-3"]
    picked = dry(repo, "--commit", c1, "--since", repo.base)
    assert [c["id"] for c in commits_of(bodies(picked))] == [c1]
    assert branches_of(bodies(picked))[0]["lastCommit"]["id"] == c1
    assert sorted(branches_of(bodies(picked))[0]["issueKeys"]) == ["SHOP-1", "SHOP-2"]


def test_tip_without_a_key_carries_the_branch_keys_and_pr_title_adds_keys(tmp_path):
    repo = shop(tmp_path)
    keyed = repo.change("SHOP-2 add cart", {"cart.txt": "x\n"})
    tip = repo.change("polish wording", {"cart.txt": "y\n"})
    result = dry(repo, "--since", repo.base, "--pr-title", "SHOP-4: Cart page")
    assert [c["id"] for c in commits_of(bodies(result))] == [keyed]
    [branch] = branches_of(bodies(result))
    assert branch["issueKeys"] == ["SHOP-1", "SHOP-4", "SHOP-2"]
    assert branch["lastCommit"]["id"] == tip
    assert branch["lastCommit"]["message"] == "polish wording"
    assert branch["lastCommit"]["issueKeys"] == branch["issueKeys"]


def test_merge_rename_and_many_files(tmp_path):
    repo = shop(tmp_path, branch=None)
    long_text = "".join(f"line {i} of a file that is long enough to be recognised as renamed\n" for i in range(30))
    repo.change("add a file", {"old/name.txt": long_text})
    base = repo.git("rev-parse", "HEAD")
    (repo.path / "new").mkdir()
    repo.git("mv", "old/name.txt", "new/name.txt")
    moved = repo.change("SHOP-7 move the file")
    many = repo.change("SHOP-8 many files", {f"dir/f{i:02}.txt": f"{i}\n" for i in reversed(range(12))})
    repo.git("checkout", "-q", "-b", "topic")
    repo.change("SHOP-5 topic work", {"t1.txt": "t\n", "t2.txt": "u\nv\n"})
    repo.git("checkout", "-q", "main")
    repo.change("main work", {"m1.txt": "m\n"})
    repo.git("merge", "-q", "--no-ff", "topic", "-m", "Merge SHOP-6 topic")
    merge = repo.git("rev-parse", "HEAD")

    commits = {c["id"]: c for c in commits_of(bodies(dry(repo, "--since", base)))}
    assert commits[merge]["flags"] == ["MERGE_COMMIT"]
    assert commits[merge]["issueKeys"] == ["SHOP-6"]
    # A merge's files are what it brought against its first parent.
    assert commits[merge]["fileCount"] == 2
    assert [(f["path"], f["changeType"]) for f in commits[merge]["files"]] == [("t1.txt", "ADDED"), ("t2.txt", "ADDED")]
    assert commits[moved]["fileCount"] == 1, "a rename counts once"
    assert [(f["path"], f["changeType"], f["linesAdded"], f["linesRemoved"]) for f in commits[moved]["files"]] == [
        ("new/name.txt", "MOVED", 0, 0)]
    assert commits[moved]["files"][0]["url"] == f"{GITHUB}/blob/{moved}/new/name.txt"
    assert commits[many]["fileCount"] == 12
    assert [f["path"] for f in commits[many]["files"]] == [f"dir/f{i:02}.txt" for i in range(10)]
    assert {f["changeType"] for f in commits[many]["files"]} == {"ADDED"}
    assert all("flags" not in c or c["flags"] == [] for c in commits.values() if c["id"] != merge)


def test_long_message_is_cut_to_1024_utf16_units_and_keys_come_from_all_of_it(tmp_path):
    repo = shop(tmp_path)
    message = "SHOP-9 emoji \U0001F600" + "\U0001F600" * 3000 + " closes SHOP-10"
    sha = repo.change(message, {"e.txt": "e\n"})
    result = dry(repo)
    [commit] = commits_of(bodies(result))
    assert commit["id"] == sha
    assert commit["issueKeys"] == ["SHOP-9", "SHOP-10"]  # the same keys `jira-ci keys` finds
    assert run("keys", "--repo", str(repo.path)).out.split() == ["SHOP-1", "SHOP-9", "SHOP-10"]
    sent = commit["message"]
    assert 900 <= utf16_units(sent) <= 1024, utf16_units(sent)
    kept = sent.rstrip("…").rstrip(".")
    assert message.startswith(kept) and len(kept) > 400  # a prefix, no broken surrogate pair (encode would fail)


def test_branch_keys_stop_at_500(tmp_path):
    repo = shop(tmp_path, branch="feature/SHOP-1-big")
    for start in range(0, 600, 50):
        repo.change(" ".join(f"BIG-{n}" for n in range(start + 1, start + 51)))
    result = dry(repo, "--since", repo.base)
    [branch] = branches_of(bodies(result))
    assert len(branch["issueKeys"]) == 500
    assert branch["issueKeys"][0] == "SHOP-1"
    assert len(commits_of(bodies(result))) == 12


def test_commit_keys_follow_the_rules_of_keys(tmp_path):
    repo = shop(tmp_path, branch="feature/cart")
    lower = repo.change("Fix CVE-2021-44228 and UTF-8 handling, see shop-5", {"a.txt": "1\n"})
    ops = repo.change("OPS-1 infrastructure only", {"a.txt": "2\n"})
    mixed = repo.change("OPS-2 and SHOP-3 together", {"a.txt": "3\n"})
    tmp = repo.change("TMP-4 scratch", {"a.txt": "4\n"})
    cases = [(("--ignore-prefix", "OPS"), {mixed: ["SHOP-3"], tmp: ["TMP-4"]}),
             (("--project", "SHOP"), {lower: ["SHOP-5"], mixed: ["SHOP-3"]})]
    for rules, expected in cases:
        args = ("--since", repo.base, *rules)
        result = dry(repo, *args)
        commits = {c["id"]: c["issueKeys"] for c in commits_of(bodies(result))}
        assert commits == expected, (rules, commits)
        keys = run("keys", *args, "--json", "--repo", str(repo.path))
        assert sorted(k for ks in commits.values() for k in ks) == sorted(keys.json["keys"])
        assert sorted(branches_of(bodies(result))[0]["issueKeys"]) == sorted(keys.json["keys"])
        assert ops not in commits


def test_unusual_branch_and_file_names_get_safe_ids_and_escaped_links(tmp_path):
    from atlassian_schema import URI
    branch = "feature/SHOP-7+über#2"
    repo = shop(tmp_path, branch=branch)
    sha = repo.change("SHOP-8 docs", {"docs/read me ü#1.md": "x\n"})
    result = dry(repo)
    [commit] = commits_of(bodies(result))
    [file] = commit["files"]
    assert file["path"] == "docs/read me ü#1.md"
    assert URI.match(file["url"]) and unquote(file["url"]) == f"{GITHUB}/blob/{sha}/docs/read me ü#1.md"
    [entity] = branches_of(bodies(result))
    assert entity["name"] == branch and is_path_safe_id_of(entity["id"], branch)
    assert URI.match(entity["url"]) and unquote(entity["url"]) == f"{GITHUB}/tree/{branch}", entity["url"]


# -- repository identity and links ---------------------------------------------------------------------------------
def test_repository_id_is_the_pipelines_and_does_not_depend_on_the_clone_protocol(tmp_path):
    ssh = shop(tmp_path / "a")
    https = shop(tmp_path / "b", remote="https://x-access-token:s3cr3t@github.com/acme/shop.git")
    for repo in (ssh, https):
        repo.change("SHOP-2 cart", {"c.txt": "c\n"})
    ssh_result, https_result = dry(ssh), dry(https)
    ssh_repo, https_repo = single_repository(bodies(ssh_result)), single_repository(bodies(https_result))
    assert ssh_repo["id"] == https_repo["id"]
    assert https_repo["url"] == GITHUB and https_repo["name"] == "acme/shop"
    assert "s3cr3t" not in https_result.out + https_result.err
    build = run("build", "--dry-run", "--json", "--state", "successful", "--repo", str(ssh.path))
    assert build.code == 0, build
    assert build.json["requests"][0]["body"]["builds"][0]["pipelineId"] == ssh_repo["id"]


def test_gitlab_links(tmp_path):
    repo = shop(tmp_path, remote="git@gitlab.com:acme/shop.git")
    sha = repo.change("SHOP-2 cart", {"src/c.txt": "c\n"})
    repository = single_repository(bodies(dry(repo)))
    web = "https://gitlab.com/acme/shop"
    assert repository["url"] == web and repository["name"] == "acme/shop"
    [commit] = repository["commits"]
    assert commit["url"] == f"{web}/-/commit/{sha}"
    assert commit["files"][0]["url"] == f"{web}/-/blob/{sha}/src/c.txt"
    assert repository["branches"][0]["url"] == f"{web}/-/tree/feature/SHOP-1-cart"


def test_bitbucket_server_names_and_links_from_its_hook_variables(tmp_path):
    repo = shop(tmp_path, remote=None)
    sha = repo.change("SHOP-2 cart", {"src/c.txt": "c\n"})
    repository = single_repository(bodies(dry(repo, env=BB_ENV)))
    assert repository["name"] == "ACME/shop"
    assert repository["url"] == BB_REPO
    [commit] = repository["commits"]
    assert commit["url"] == f"{BB_REPO}/commits/{sha}"
    file_url = commit["files"][0]["url"]
    assert file_url.startswith(f"{BB_REPO}/browse/src/c.txt") and sha in file_url
    [branch] = repository["branches"]
    assert branch["url"].startswith(BB_REPO) and "refs/heads/feature/SHOP-1-cart" in unquote(branch["url"])
    create = branch["createPullRequestUrl"]
    assert create.startswith(f"{BB_REPO}/pull-requests?create") and "feature/SHOP-1-cart" in unquote(create)


def test_unknown_host_warns_naming_the_template_flags_and_templates_fill_the_links(tmp_path):
    repo = shop(tmp_path, remote="https://code.example.org/acme/shop.git")
    sha = repo.change("SHOP-2 cart", {"src/c.txt": "c\n"})
    bare = dry(repo)
    assert all(flag in bare.err for flag in ("--commit-url-template", "--branch-url-template", "--file-url-template"))
    repository = single_repository(bodies(bare))
    assert repository["url"] == "https://code.example.org/acme/shop"
    web = "https://code.example.org/acme/shop"
    templated = dry(repo, "--commit-url-template", f"{web}/commit/{{sha}}",
                    "--branch-url-template", f"{web}/src/branch/{{branch}}",
                    "--file-url-template", f"{web}/src/commit/{{sha}}/{{path}}")
    assert "--commit-url-template" not in templated.err, templated
    repository = single_repository(bodies(templated))
    [commit] = repository["commits"]
    assert commit["url"] == f"{web}/commit/{sha}"
    assert commit["files"][0]["url"] == f"{web}/src/commit/{sha}/src/c.txt"
    assert repository["branches"][0]["url"] == f"{web}/src/branch/feature/SHOP-1-cart"


def test_a_template_without_its_placeholder_is_a_usage_error(tmp_path):
    repo = shop(tmp_path, remote="https://code.example.org/acme/shop.git")
    repo.change("SHOP-2 cart")
    result = dry(repo, "--commit-url-template", "https://code.example.org/acme/shop/commit/", check=False)
    assert_one_line_error(result, 2, "{sha}")


# -- real runs against Jira Cloud ----------------------------------------------------------------------------------
def test_real_run_stores_commits_and_branch_and_json_lists_what_jira_accepted(cloud, tmp_path):
    repo = shop(tmp_path)
    c1 = repo.change("SHOP-2 add cart", {"a.txt": "a\n"})
    repo.change("no key here", {"a.txt": "b\n"})
    c3 = repo.change("SHOP-3 fix", {"a.txt": "c\n"})
    result = devinfo(cloud, repo, "--since", repo.base, "--json")
    assert result.code == 0, result
    data = stored(cloud)
    repository_id = next(iter(cloud.repositories))
    assert is_path_safe_id_of(repository_id, "github.com/acme/shop")
    assert set(data["commits"]) == {c1, c3}
    [(branch_id, branch)] = data["branches"].items()
    assert branch["name"] == "feature/SHOP-1-cart" and branch["lastCommit"]["id"] == c3
    assert data["repository"]["name"] == "acme/shop"
    output = result.json
    assert set(output) == {"accepted", "failed", "unknownIssueKeys"}
    assert sorted(output["accepted"][repository_id]["commits"]) == sorted([c1, c3])
    assert output["accepted"][repository_id]["branches"] == [branch_id]
    assert output["failed"] == {} and output["unknownIssueKeys"] == []
    assert cloud.devinfo_requests == [{"operationType": None, "preventTransitions": None}] or \
        cloud.devinfo_requests == [{"operationType": "NORMAL", "preventTransitions": None}]
    [bulk] = [r for r in cloud.requests if r[1] == BULK]
    assert bulk[2]["Authorization"] == f"Bearer {cloud.tokens_issued[0]}"


def test_prevent_transitions_is_sent_only_when_asked(cloud, tmp_path):
    repo = shop(tmp_path)
    repo.change("SHOP-2 add cart")
    assert devinfo(cloud, repo).code == 0
    repo.change("SHOP-3 more")
    assert devinfo(cloud, repo, "--prevent-transitions").code == 0
    assert [r["preventTransitions"] for r in cloud.devinfo_requests] == [None, True]
    assert cloud.bodies(BULK)[0].get("preventTransitions") is None
    dry_body = bodies(dry(repo, "--prevent-transitions"))[0]
    assert dry_body["preventTransitions"] is True


def test_dry_run_needs_no_credentials_and_shows_none(cloud, tmp_path):
    repo = shop(tmp_path)
    repo.change("SHOP-2 add cart")
    result = run("devinfo", "--dry-run", "--json", "--repo", str(repo.path), env=cloud.env())
    assert result.code == 0, result
    assert_valid_requests(result.json)
    assert_no_secrets(result, cloud)
    assert cloud.count() == 0, "a dry run sends nothing"
    text = run("devinfo", "--dry-run", "--repo", str(repo.path), env=cloud.env())
    assert text.code == 0, text
    assert_no_secrets(text, cloud)
    assert "devinfo/0.1/cloud" in text.out and "SHOP-2" in text.out
    assert cloud.count() == 0


def test_credential_without_the_devinfo_permission_exits_3(cloud, tmp_path):
    repo = shop(tmp_path)
    repo.change("SHOP-2 add cart")
    cloud.permissions["devinfo"] = False
    result = devinfo(cloud, repo)
    assert_one_line_error(result, 3, "grant the Development information API to these credentials")
    assert cloud.repositories == {}


def failing_one_of_two_commits(cloud, tmp_path, monkeypatch):
    # Jira's failure messages need not repeat the id (it is in the entry's own "id"): jira-ci must name the entity.
    monkeypatch.setattr(fake_jira_cloud, "_failure", lambda entity_id: {"message": "Invalid entity"})
    repo = shop(tmp_path)
    good = repo.change("SHOP-2 good", {"a.txt": "a\n"})
    bad = repo.change("SHOP-3 bad", {"a.txt": "b\n"})
    cloud.fail_devinfo_ids = {bad}
    return repo, good, bad


def test_entities_jira_fails_exit_4_naming_them(cloud, tmp_path, monkeypatch):
    repo, good, bad = failing_one_of_two_commits(cloud, tmp_path, monkeypatch)
    result = devinfo(cloud, repo, "--since", repo.base)
    assert result.code == 4, result
    assert "Invalid entity" in result.err, result
    assert set(stored(cloud)["commits"]) == {good}
    assert good[:7] not in result.err
    assert bad[:7] in result.err, f"the failed commit is not named: {result}"


def test_entities_jira_fails_are_listed_in_json_beside_what_it_accepted(cloud, tmp_path, monkeypatch):
    repo, good, bad = failing_one_of_two_commits(cloud, tmp_path, monkeypatch)
    result = devinfo(cloud, repo, "--since", repo.base, "--json")
    assert result.code == 4, result
    output = result.json
    [(repository_id, failed)] = output["failed"].items()
    assert [f["id"] for f in failed["commits"]] == [bad]
    assert failed["commits"][0]["errorMessages"]
    assert failed.get("branches", []) == []
    # What Jira did take (the other commit and the branch, which it stored) is listed as accepted.
    [branch_id] = stored(cloud)["branches"]
    assert output["accepted"].get(repository_id) == {"commits": [good], "branches": [branch_id]}, output


def test_unknown_issue_keys_are_a_warning(cloud, tmp_path):
    repo = shop(tmp_path)
    cloud.known_keys = {"SHOP-1", "SHOP-2"}
    repo.change("SHOP-2 known", {"a.txt": "a\n"})
    repo.change("NOPE-3 unknown", {"a.txt": "b\n"})
    result = devinfo(cloud, repo, "--since", repo.base)
    assert result.code == 0, result
    warnings = [line for line in result.err.splitlines() if line.startswith("jira-ci: warning:") and "NOPE-3" in line]
    assert warnings, result
    json_result = devinfo(cloud, repo, "--since", repo.base, "--json")
    assert json_result.code == 0 and json_result.json["unknownIssueKeys"] == ["NOPE-3"], json_result


def test_a_report_made_while_jira_is_down_waits_and_is_delivered_by_flush_or_the_next_run(cloud, tmp_path):
    repo = shop(tmp_path)
    first = repo.change("SHOP-2 while down", {"a.txt": "a\n"})
    cloud.go_down()
    result = devinfo(cloud, repo, "--retries", "0")
    assert result.code == 5, result
    assert "queued in" in result.err and "jira-ci flush" in result.err, result
    assert len(list(outbox_dir().glob("*.json"))) == 1
    cloud.come_back()
    flushed = run("flush", env=cloud.env())
    assert_no_secrets(flushed, cloud)
    assert flushed.code == 0, flushed
    assert first in stored(cloud)["commits"]
    assert list(outbox_dir().glob("*.json")) == []

    second = repo.change("SHOP-3 also while down", {"a.txt": "b\n"})
    cloud.go_down()
    assert devinfo(cloud, repo, "--retries", "0").code == 5
    cloud.come_back()
    third = repo.change("SHOP-4 back up", {"a.txt": "c\n"})
    result = devinfo(cloud, repo)
    assert result.code == 0, result
    assert {second, third} <= set(stored(cloud)["commits"])
    assert list(outbox_dir().glob("*.json")) == []


# -- git hook --------------------------------------------------------------------------------------------------------
def hook_setup(tmp_path, env):
    work = central_repository(tmp_path, "devinfo --hook-stdin")
    return work, {**BB_ENV, **env}


def new_bodies(cloud, before):
    return cloud.bodies(BULK)[before:]


def test_hook_new_branch_update_forced_push_tag_delete_and_one_request_per_push(cloud, tmp_path):
    work, env = hook_setup(tmp_path, cloud.env())
    secrets = cloud.secrets

    def pushed(*args):
        err = push(work, env, *args)
        for secret in secrets():
            assert secret not in err
        return err

    main1 = work.change("MAIN-1 initial", {"a.txt": "a\n"})
    pushed("main")
    [repository] = cloud.repositories
    assert set(stored(cloud)["commits"]) == {main1}
    assert stored(cloud)["repository"]["name"] == "ACME/shop" and stored(cloud)["repository"]["url"] == BB_REPO

    # A new branch: its own commits (not main's) and the branch.
    work.git("checkout", "-q", "-b", "feature/SHOP-9-search")
    s10 = work.change("SHOP-10 first", {"s.txt": "1\n"})
    untagged = work.change("no key", {"s.txt": "2\n"})
    s11 = work.change("SHOP-11 second", {"s.txt": "3\n"})
    before = cloud.count(BULK)
    pushed("feature/SHOP-9-search")
    [body] = new_bodies(cloud, before)
    assert sorted(c["id"] for c in commits_of([body])) == sorted([s10, s11])
    [branch] = branches_of([body])
    assert branch["name"] == "feature/SHOP-9-search" and branch["lastCommit"]["id"] == s11
    assert sorted(branch["issueKeys"]) == ["SHOP-10", "SHOP-11", "SHOP-9"] and branch["issueKeys"][0] == "SHOP-9"
    assert branch["url"].startswith(BB_REPO) and branch["createPullRequestUrl"].startswith(BB_REPO)
    assert untagged not in json.dumps(body["repositories"][0].get("commits", []))
    branch_id = branch["id"]
    assert is_path_safe_id_of(branch_id, "feature/SHOP-9-search")

    # An update: the new commits only.
    s12 = work.change("SHOP-12 third", {"s.txt": "4\n"})
    before = cloud.count(BULK)
    pushed("feature/SHOP-9-search")
    [body] = new_bodies(cloud, before)
    assert [c["id"] for c in commits_of([body])] == [s12]
    assert stored(cloud)["branches"][branch_id]["lastCommit"]["id"] == s12

    # A forced push: the branch with its new tip.
    work.git("reset", "-q", "--hard", main1)
    rewritten = work.change("SHOP-13 rewritten", {"s.txt": "rewritten\n"})
    before = cloud.count(BULK)
    pushed("--force", "feature/SHOP-9-search")
    [body] = new_bodies(cloud, before)
    assert branches_of([body])[0]["lastCommit"]["id"] == rewritten
    assert stored(cloud)["branches"][branch_id]["lastCommit"]["id"] == rewritten
    assert rewritten in stored(cloud)["commits"]

    # A tag: nothing.
    before = cloud.count()
    work.git("tag", "v1.0")
    pushed("v1.0")
    assert cloud.count() == before

    # A deleted branch: deleted in Jira.
    pushed("--delete", "feature/SHOP-9-search")
    deletes = [r for r in cloud.requests if r[0] == "DELETE"]
    assert [urlparse(r[1]).path for r in deletes] == [f"/jira/devinfo/0.1/cloud/{CLOUD_ID}/repository/{repository}/branch/{branch_id}"]
    assert branch_id not in stored(cloud)["branches"]

    # Two branches in one push: one bulk request.
    work.git("checkout", "-q", "main")
    main2 = work.change("MAIN-2 on main", {"a.txt": "b\n"})
    work.git("checkout", "-q", "-b", "fix/OPS-3")
    ops4 = work.change("OPS-4 fix", {"o.txt": "o\n"})
    before = cloud.count(BULK)
    pushed("main", "fix/OPS-3")
    [body] = new_bodies(cloud, before)
    assert sorted(b["name"] for b in branches_of([body])) == ["fix/OPS-3", "main"]
    assert sorted(c["id"] for c in commits_of([body])) == sorted([main2, ops4])


def test_hook_push_while_jira_is_down_never_fails_and_the_report_follows(cloud, tmp_path):
    work, env = hook_setup(tmp_path, cloud.env())
    for _ in range(3):
        cloud.fault("/oauth/token", status=503)
    sha = work.change("DOWN-1 change", {"a.txt": "a\n"})
    err = push(work, env, "main")
    assert "queued in" in err and "background flush" in err, err
    for secret in cloud.secrets():
        assert secret not in err
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not cloud.repositories:
        time.sleep(0.2)
    assert set(stored(cloud)["commits"]) == {sha}
    assert [b["name"] for b in stored(cloud)["branches"].values()] == ["main"]


# -- backfill --------------------------------------------------------------------------------------------------------
def fast_import(repo, count, keyless_every=20):
    """`count` commits on main in one `git fast-import`, each changing one file; every `keyless_every`-th (at
    positions 7, 27, 47, …) names no issue. Returns the shas of the commits with keys."""
    chunks = []
    for i in range(1, count + 1):
        message = (f"chore: bump counter to {i}" if i % keyless_every == 7 else f"SHOP-{i} change number {i}").encode()
        content = f"{i}\n".encode()
        when = 1_700_000_000 + i * 60
        chunks.append(b"commit refs/heads/main\nmark :%d\n" % i)
        chunks.append(b"author Dev <dev@example.com> %d +0000\ncommitter Dev <dev@example.com> %d +0000\n" % (when, when))
        chunks.append(b"data %d\n%s\n" % (len(message), message))
        chunks.append(b"M 644 inline counter.txt\ndata %d\n%s\n" % (len(content), content))
    subprocess.run(["git", "-C", str(repo.path), "fast-import", "--quiet"], input=b"".join(chunks), check=True,
                   env=clean_env())
    repo.git("reset", "-q", "--hard")
    log = repo.git("log", "--format=%H %s", "main").splitlines()
    assert len(log) == count
    return {line.split(" ", 1)[0] for line in log if line.split(" ", 1)[1].startswith("SHOP-")}


def backfill_requests(cloud, before=0):
    return cloud.bodies(BULK)[before:]


def test_backfill_sends_the_whole_history_in_batches_of_400_not_bounded_by_max_commits(cloud, tmp_path):
    repo = Repo(tmp_path / "shop")
    repo.git("remote", "add", "origin", "git@github.com:acme/shop.git")
    keyed = fast_import(repo, 1000)
    assert len(keyed) == 950
    result = devinfo(cloud, repo, "--backfill", "--max-commits", "5")
    assert result.code == 0, result
    requests = backfill_requests(cloud)
    commit_requests = [b for b in requests if commits_of([b])]
    branch_requests = [b for b in requests if branches_of([b])]
    assert len(commit_requests) == math.ceil(950 / 400)
    assert len(requests) == len(commit_requests) + 1 and len(branch_requests) == 1
    assert all(len(commits_of([b])) <= 400 for b in commit_requests)
    sent = [c["id"] for c in commits_of(requests)]
    assert len(sent) == len(set(sent)) == 950 and set(sent) == keyed
    assert set(stored(cloud)["commits"]) == keyed
    assert [b["name"] for b in branches_of(requests)] == ["main"]
    assert all(r == {"operationType": "BACKFILL", "preventTransitions": True} for r in cloud.devinfo_requests), \
        cloud.devinfo_requests
    # The dry run says the same and shows a valid first request without sending anything.
    before = cloud.count()
    preview = run("devinfo", "--backfill", "--dry-run", "--json", "--repo", str(repo.path))
    assert preview.code == 0, preview
    assert_valid_requests(preview.json)
    assert cloud.count() == before


def test_backfill_range_is_from_commit_and_not_from_since(cloud, tmp_path):
    repo = shop(tmp_path, branch=None)
    old = repo.change("SHOP-1 old", {"a.txt": "1\n"})
    since = repo.change("SHOP-2 the last one done", {"a.txt": "2\n"})
    wanted = [repo.change(f"SHOP-{n} wanted", {"a.txt": f"{n}\n"}) for n in (3, 4)]
    repo.change("no key", {"a.txt": "5\n"})
    commit = repo.change("SHOP-6 the end of the range", {"a.txt": "6\n"})
    repo.change("SHOP-7 after the range", {"a.txt": "7\n"})
    result = devinfo(cloud, repo, "--backfill", "--since", since, "--commit", commit, "--max-commits", "1")
    assert result.code == 0, result
    assert {c["id"] for c in commits_of(cloud.bodies(BULK))} == {*wanted, commit}
    assert old not in stored(cloud)["commits"]


def interrupted_backfill(cloud, tmp_path):
    """A repository of 1,002 commits on two branches whose backfill Jira cuts short: it takes the first batch, then
    answers 503 to everything. Returns the repository, the shas with keys, the run and the commits Jira took."""
    repo = Repo(tmp_path / "shop")
    repo.git("remote", "add", "origin", "git@github.com:acme/shop.git")
    keyed = fast_import(repo, 1000)
    repo.git("checkout", "-q", "-b", "feature/SHOP-2000-x")
    keyed |= {repo.change("SHOP-2001 a", {"f.txt": "a\n"}), repo.change("SHOP-2002 b", {"f.txt": "b\n"})}
    repo.git("checkout", "-q", "main")
    original = cloud._devinfo

    def first_batch_only(handler, body):
        answer = original(handler, body)
        for _ in range(20):
            cloud.fault("/devinfo/", status=503, headers={"Retry-After": "0"}, body={"message": "overloaded"})
        return answer

    cloud._devinfo = first_batch_only
    result = devinfo(cloud, repo, *BACKFILL_ARGS)
    cloud._devinfo = original
    cloud.faults.clear()
    return repo, keyed, result, set(stored(cloud)["commits"])


BACKFILL_ARGS = ("--backfill", "--all-branches", "--retries", "1")


def test_interrupted_backfill_exits_5_saying_to_run_it_again(cloud, tmp_path, private_state):
    _, _, result, accepted = interrupted_backfill(cloud, tmp_path)
    assert len(accepted) == 400
    assert "run the same command again" in result.err, result
    state = Path(private_state) / "jira-ci"
    assert [p for p in state.rglob("*") if p.is_file() and "outbox" not in p.parts], "progress is kept in the state folder"
    assert result.code == 5, result


def test_backfill_rerun_continues_where_it_stopped_and_later_sends_only_new_commits(cloud, tmp_path):
    repo, keyed, first, accepted_first = interrupted_backfill(cloud, tmp_path)
    assert first.code != 0 and "again" in first.err, first
    assert len(accepted_first) == 400
    before = cloud.count(BULK)
    second = devinfo(cloud, repo, *BACKFILL_ARGS)
    assert second.code == 0, second
    rerun = backfill_requests(cloud, before)
    resent = [c["id"] for c in commits_of(rerun)]
    assert not set(resent) & accepted_first, "the commits of the accepted batch are not sent again"
    assert set(resent) | accepted_first == keyed and len(resent) == len(keyed) - 400
    assert set(stored(cloud)["commits"]) == keyed
    assert sorted(b["name"] for b in branches_of(rerun)) == ["feature/SHOP-2000-x", "main"]
    assert all(r == {"operationType": "BACKFILL", "preventTransitions": True} for r in cloud.devinfo_requests)

    # After a finished backfill, a rerun sends only what is new.
    repo.git("checkout", "-q", "feature/SHOP-2000-x")
    new = {repo.change("SHOP-2003 c", {"f.txt": "c\n"}), repo.change("SHOP-2004 d", {"f.txt": "d\n"})}
    repo.change("no key", {"f.txt": "e\n"})
    before = cloud.count(BULK)
    third = devinfo(cloud, repo, *BACKFILL_ARGS)
    assert third.code == 0, third
    assert {c["id"] for c in commits_of(backfill_requests(cloud, before))} == new


# -- Jira Server -----------------------------------------------------------------------------------------------------
@pytest.fixture
def server():
    fake = FakeJiraServer("unused: only personal access tokens here")
    yield fake
    fake.close()


def test_server_hook_keeps_one_branch_link_per_issue_updated_in_place_and_deleted_with_the_branch(server, tmp_path):
    work, env = hook_setup(tmp_path, {"JIRA_URL": server.url, "JIRA_PAT": PAT})
    server.issues = {"SHOP-1", "SHOP-2", "MAIN-1"}
    work.change("MAIN-1 initial", {"a.txt": "a\n"})
    push(work, env, "main")
    work.git("checkout", "-q", "-b", "feature/SHOP-1-login")
    work.change("SHOP-2 start login", {"l.txt": "1\n"})
    work.change("add form", {"l.txt": "2\n"})
    tip = work.change("Fix login\n\nDetails in the body.", {"l.txt": "3\n"})
    err = push(work, env, "feature/SHOP-1-login")
    assert PAT not in err

    for key in ("SHOP-1", "SHOP-2"):
        [link] = server.links[key]
        assert link["globalId"].startswith("jira-ci:branch:")
        assert link["object"]["title"] == f"Branch feature/SHOP-1-login of ACME/shop: 3 commits, last {tip[:7]} 'Fix login'"
        assert link["object"]["url"].startswith(BB_REPO)
    global_id = server.links["SHOP-1"][0]["globalId"]
    assert server.links["SHOP-2"][0]["globalId"] == global_id
    assert not any(l["globalId"] == global_id for l in server.links.get("MAIN-1", []))

    newer = work.change("SHOP-2 polish login", {"l.txt": "4\n"})
    push(work, env, "feature/SHOP-1-login")
    for key in ("SHOP-1", "SHOP-2"):
        [link] = server.links[key]
        assert link["globalId"] == global_id
        assert link["object"]["title"] == f"Branch feature/SHOP-1-login of ACME/shop: 4 commits, last {newer[:7]} 'SHOP-2 polish login'"

    push(work, env, "--delete", "feature/SHOP-1-login")
    assert server.links["SHOP-1"] == [] and server.links["SHOP-2"] == []
    deletes = [r for r in server.requests if r[0] == "DELETE"]
    assert sorted(r[1] for r in deletes) == ["/rest/api/2/issue/SHOP-1/remotelink", "/rest/api/2/issue/SHOP-2/remotelink"]


def test_server_by_hand_links_each_issue_of_the_branch(server, tmp_path):
    repo = shop(tmp_path, branch="feature/SHOP-1-cart")
    tip = repo.change("SHOP-2 add cart", {"c.txt": "c\n"})
    env = {"JIRA_URL": server.url, "JIRA_PAT": PAT}
    result = devinfo(server, repo, "--since", repo.base, env=env)
    assert result.code == 0, result
    titles = {key: [l["object"]["title"] for l in server.links[key]] for key in ("SHOP-1", "SHOP-2")}
    expected = f"Branch feature/SHOP-1-cart of acme/shop: 1 commit, last {tip[:7]} 'SHOP-2 add cart'"
    assert titles == {"SHOP-1": [expected], "SHOP-2": [expected]}
    assert server.links["SHOP-1"][0]["object"]["url"] == f"{GITHUB}/tree/feature/SHOP-1-cart"
    preview = run("devinfo", "--dry-run", "--json", "--since", repo.base, "--repo", str(repo.path), env=env)
    assert preview.code == 0, preview
    assert_no_secrets(preview, server)
    assert sorted(r["url"] for r in preview.json["requests"]) == [
        f"{server.url}/rest/api/2/issue/SHOP-1/remotelink", f"{server.url}/rest/api/2/issue/SHOP-2/remotelink"]
