"""`--hook-stdin` in a real bare repository, triggered by a real `git push`, reporting to the fake Jira Cloud."""
import time

from conftest import assert_no_secrets, build_keys, central_repository, push


def hook_setup(tmp_path, cloud, **env):
    """A clone pushing to a central repository whose hook reports builds to `cloud`; the environment to push with."""
    work = central_repository(tmp_path, "build --hook-stdin --state successful")
    hook_env = cloud.env(JIRA_CI_CACHE_DIR=str(tmp_path / "cache"), BB_BASE_URL="https://bitbucket.example.com",
                         BB_PROJECT_KEY="ACME", BB_REPO_SLUG="shop", **env)
    return work, hook_env


def hook_builds(cloud):
    return [build for body in cloud.bodies("/builds/0.1/") for build in body["builds"]]


def test_new_branch_update_tag_delete_and_several_refs(cloud, tmp_path):
    work, env = hook_setup(tmp_path, cloud)
    work.commit("MAIN-1 initial")
    push(work, env, "main")
    assert [build_keys(b) for b in hook_builds(cloud)] == [["MAIN-1"]]
    assert hook_builds(cloud)[0]["url"].startswith("https://bitbucket.example.com/projects/ACME/repos/shop/commits/")

    work.git("checkout", "-q", "-b", "feature/SHOP-9-search")
    work.commit("SHOP-10 first")
    work.commit("SHOP-11 second")
    err = push(work, env, "feature/SHOP-9-search")
    assert_no_secrets(type("R", (), {"out": "", "err": err})(), cloud)
    # a new branch: its own commits only, not main's history
    assert build_keys(hook_builds(cloud)[-1]) == ["SHOP-9", "SHOP-11", "SHOP-10"]

    work.commit("SHOP-12 third")
    push(work, env, "feature/SHOP-9-search")
    assert build_keys(hook_builds(cloud)[-1]) == ["SHOP-9", "SHOP-12"]

    before = len(hook_builds(cloud))
    work.git("tag", "v1.0")
    push(work, env, "v1.0")
    push(work, env, "--delete", "feature/SHOP-9-search")
    assert len(hook_builds(cloud)) == before

    work.git("checkout", "-q", "main")
    work.commit("MAIN-2 on main")
    work.git("checkout", "-q", "-b", "fix/OPS-3")
    work.commit("OPS-4 fix")
    requests = cloud.count("/builds/0.1/")
    push(work, env, "main", "fix/OPS-3")
    assert sorted(build_keys(b)[0] for b in hook_builds(cloud)[before:]) == ["MAIN-2", "OPS-3"]
    assert cloud.count("/builds/0.1/") == requests + 1  # both branches of the push in one bulk request


def test_branches_pushed_at_one_commit_keep_their_own_builds(cloud, tmp_path):
    """Without a CI build number, each branch at one commit is its own build: none overwrites another's keys."""
    work, env = hook_setup(tmp_path, cloud)
    work.commit("change without a key")
    push(work, env, "main")
    for branch in ("feature/SHOP-2-x", "feature/SHOP-3-y"):
        work.git("branch", branch)
    err = push(work, env, "feature/SHOP-2-x", "feature/SHOP-3-y")
    assert "SHOP-2" in err and "SHOP-3" in err, err
    stored = sorted(tuple(build_keys(build)) for build in cloud.builds.values())
    assert stored == [("SHOP-2",), ("SHOP-3",)], cloud.builds


def test_a_jira_outage_never_fails_the_push_and_the_report_follows(cloud, tmp_path):
    work, env = hook_setup(tmp_path, cloud)
    for _ in range(3):
        cloud.fault("/oauth/token", status=503)
    work.commit("DOWN-1 change")
    err = push(work, env, "main")
    assert "queued in" in err and "; a background flush is sending it now" in err, err
    # The detached flush delivers once Jira answers again.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not hook_builds(cloud):
        time.sleep(0.2)
    assert [build_keys(b) for b in hook_builds(cloud)] == [["DOWN-1"]]
