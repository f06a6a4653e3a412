"""ci-examples/bitbucket-server/post-receive in a real bare repository, pushed to with git, as the user a git server
runs its hooks as."""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from ci_examples import EXAMPLES, path_with_jira_ci, shellcheck
from conftest import Repo, clean_env
from fake_jira_cloud import CLIENT_ID, CLIENT_SECRET

HOOK = EXAMPLES / "bitbucket-server" / "post-receive"
BITBUCKET = {"BB_BASE_URL": "https://bb.example.com", "BB_PROJECT_KEY": "ACME", "BB_REPO_SLUG": "shop"}


def install_hook(folder):
    bare = folder / "central.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    hook = bare / "hooks" / "post-receive"
    hook.write_bytes(HOOK.read_bytes())
    hook.chmod(0o755)
    work = Repo(folder / "work")
    work.git("remote", "add", "origin", str(bare))
    return work


def push(work, env, *as_user):
    """`git push` of main, as `as_user` (a command prefix) when given; git runs the hook as the pushing user."""
    completed = subprocess.run([*as_user, "git", "-C", str(work.path), "push", "-q", "origin", "main"],
                               capture_output=True, text=True, timeout=60,
                               env=clean_env({**env, "PATH": path_with_jira_ci()}))
    assert completed.returncode == 0, completed.stderr
    return completed


def test_the_hook_is_shellcheck_clean():
    shellcheck(HOOK.read_text(), "sh", "post-receive")


def test_a_bitbucket_server_push_sends_development_information(cloud, tmp_path):
    work = install_hook(tmp_path)
    work.commit("HOOK-1 first")
    env = {**cloud.env(JIRA_CI_CACHE_DIR=str(tmp_path / "cache")), **BITBUCKET, "JIRA_ENV_FILE": str(tmp_path / "none")}
    result = push(work, env)
    assert "jira-ci hook:" not in result.stderr  # no env file is no problem: the server's environment has it all
    assert cloud.bodies("/builds/0.1/") == []  # a push is no build
    [body] = cloud.bodies("/devinfo/0.1/")
    [repository] = body["repositories"]
    assert repository["name"] == "ACME/shop" and repository["url"] == "https://bb.example.com/projects/ACME/repos/shop"
    [commit] = repository["commits"]
    assert commit["issueKeys"] == ["HOOK-1"]
    assert commit["url"].startswith("https://bb.example.com/projects/ACME/repos/shop/commits/")
    [branch] = repository["branches"]
    assert branch["name"] == "main"
    assert branch["createPullRequestUrl"].startswith(f"{repository['url']}/pull-requests?create")


def test_plain_key_value_lines_of_the_env_file_reach_jira_ci(cloud, tmp_path):
    """The file a reader writes: no `export`, a comment, a plain git server's settings."""
    work = install_hook(tmp_path)
    work.commit("PLAIN-1 first")
    env_file = tmp_path / "jira.env"
    env_file.write_text(f"# Jira for the git server\nJIRA_URL={cloud.url}\nJIRA_CI_API_URL={cloud.url}\n"
                        f"JIRA_CLIENT_ID={CLIENT_ID}\nJIRA_CLIENT_SECRET={CLIENT_SECRET}\n"
                        "JIRA_CI_REPOSITORY_URL=https://git.example.com/cgit/shop.git\n"
                        "JIRA_CI_COMMIT_URL_TEMPLATE='https://git.example.com/cgit/shop.git/commit/?id={sha}'\n")
    env_file.chmod(0o600)
    result = push(work, {"JIRA_ENV_FILE": str(env_file), "JIRA_CI_CACHE_DIR": str(tmp_path / "cache")})
    [body] = cloud.bodies("/devinfo/0.1/")
    [repository] = body["repositories"]
    assert repository["url"] == "https://git.example.com/cgit/shop"
    assert repository["commits"][0]["url"].startswith("https://git.example.com/cgit/shop.git/commit/?id=")
    assert "--branch-url-template" in result.stderr  # what else to set for links to branches and files
    assert CLIENT_SECRET not in result.stdout + result.stderr


def test_a_broken_env_file_never_stops_the_hook(cloud, tmp_path):
    work = install_hook(tmp_path)
    work.commit("HOOK-2 second")
    env_file = tmp_path / "jira.env"
    env_file.write_text("JIRA_CI_HOOK_BUDGET=5s\nif then\n")
    push(work, {**cloud.env(JIRA_CI_CACHE_DIR=str(tmp_path / "cache")), "JIRA_ENV_FILE": str(env_file), **BITBUCKET})
    [body] = cloud.bodies("/devinfo/0.1/")
    assert body["repositories"][0]["commits"][0]["issueKeys"] == ["HOOK-2"]


@pytest.fixture
def unprivileged():
    """A folder and a command prefix to run as a user who cannot read root's 0600 files: `nobody` when the tests run
    as root (root reads every file), else the test's own user, who cannot read a file it made mode 000."""
    folder = Path(tempfile.mkdtemp(prefix="jira-ci-hook-", dir="/tmp"))
    folder.chmod(0o755)
    try:
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            if not setpriv:
                pytest.skip("setpriv (util-linux) is needed to push as an unprivileged user")
            yield folder, [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        else:
            yield folder, []
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_an_env_file_the_hook_user_cannot_read_is_said_once_and_the_push_succeeds(cloud, unprivileged):
    folder, as_user = unprivileged
    work = install_hook(folder)
    work.commit("HOOK-3 third")
    env_file = folder / "jira.env"
    env_file.write_text(f"JIRA_CLIENT_SECRET={CLIENT_SECRET}\n")
    env_file.chmod(0o600 if as_user else 0o000)  # the advice the hook's comment warns against: a root-only file
    home = folder / "home"
    home.mkdir()
    if as_user:
        subprocess.run(["chown", "-R", "nobody:nogroup", str(work.path), str(folder / "central.git"), str(home)],
                       check=True)
    env = {**cloud.env(), **BITBUCKET, "JIRA_ENV_FILE": str(env_file), "HOME": str(home),
           "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache")}
    result = push(work, env, *as_user)
    lines = [line for line in result.stderr.splitlines() if "jira-ci hook:" in line]
    assert len(lines) == 1 and f"{env_file} is not readable by user" in lines[0], result.stderr
    assert "Permission denied" not in result.stderr
    [body] = cloud.bodies("/devinfo/0.1/")  # jira-ci ran, with the server's environment
    assert body["repositories"][0]["commits"][0]["issueKeys"] == ["HOOK-3"]
