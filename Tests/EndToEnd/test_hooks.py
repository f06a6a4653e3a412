"""`--hook-stdin` in a real bare repository, triggered by a real `git push`, reporting to the fake Jira Cloud."""
import json
import os
import stat
import subprocess
import time

import pytest

from conftest import Repo, binary, clean_env
from fake_jira_cloud import FakeJiraCloud
from test_cloud import assert_no_secrets


def setup(tmp_path, cloud):
    bare = tmp_path / "central.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    hook = bare / "hooks" / "post-receive"
    hook.write_text(f'#!/bin/sh\nexec "{binary()}" build --hook-stdin --state successful --repo "$PWD"\n')
    hook.chmod(0o755)
    work = Repo(tmp_path / "work")
    work.git("remote", "add", "origin", str(bare))
    env = cloud.env(JIRA_CI_CACHE_DIR=str(tmp_path / "cache"), BB_BASE_URL="https://bitbucket.example.com",
                    BB_PROJECT_KEY="ACME", BB_REPO_SLUG="shop")
    return work, env


def push(work, env, *args):
    completed = subprocess.run(["git", "-C", str(work.path), "push", "-q", "origin", *args], capture_output=True,
                               text=True, env=clean_env(env))
    assert completed.returncode == 0, completed.stderr
    return completed.stderr


def builds(cloud):
    return [build for body in cloud.bodies("/builds/0.1/") for build in body["builds"]]


def test_new_branch_update_tag_delete_and_several_refs(cloud, tmp_path):
    work, env = setup(tmp_path, cloud)
    work.commit("MAIN-1 initial")
    push(work, env, "main")
    assert [b["issueKeys"] for b in builds(cloud)] == [["MAIN-1"]]
    assert builds(cloud)[0]["url"].startswith("https://bitbucket.example.com/projects/ACME/repos/shop/commits/")

    work.git("checkout", "-q", "-b", "feature/SHOP-9-search")
    work.commit("SHOP-10 first")
    work.commit("SHOP-11 second")
    err = push(work, env, "feature/SHOP-9-search")
    assert_no_secrets(type("R", (), {"out": "", "err": err})(), cloud)
    # a new branch: its own commits only, not main's history
    assert builds(cloud)[-1]["issueKeys"] == ["SHOP-9", "SHOP-11", "SHOP-10"]

    work.commit("SHOP-12 third")
    push(work, env, "feature/SHOP-9-search")
    assert builds(cloud)[-1]["issueKeys"] == ["SHOP-9", "SHOP-12"]

    before = len(builds(cloud))
    work.git("tag", "v1.0")
    push(work, env, "v1.0")
    push(work, env, "--delete", "feature/SHOP-9-search")
    assert len(builds(cloud)) == before

    work.git("checkout", "-q", "main")
    work.commit("MAIN-2 on main")
    work.git("checkout", "-q", "-b", "fix/OPS-3")
    work.commit("OPS-4 fix")
    requests = cloud.count("/builds/0.1/")
    push(work, env, "main", "fix/OPS-3")
    assert sorted(b["issueKeys"][0] for b in builds(cloud)[before:]) == ["MAIN-2", "OPS-3"]
    assert cloud.count("/builds/0.1/") == requests + 1  # both branches of the push in one bulk request


def test_a_jira_outage_never_fails_the_push_and_the_report_follows(cloud, tmp_path):
    work, env = setup(tmp_path, cloud)
    for _ in range(3):
        cloud.fault("/oauth/token", status=503)
    work.commit("DOWN-1 change")
    err = push(work, env, "main")
    assert "queued in" in err and "background flush" in err, err
    # The detached flush delivers once Jira answers again.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not builds(cloud):
        time.sleep(0.2)
    assert [b["issueKeys"] for b in builds(cloud)] == [["DOWN-1"]]
