"""Every file in ci-examples/ is exercised: its own jira-ci commands, extracted from the file (not retyped), run
with that CI's environment in a real git repository against the fake Jira."""
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, Repo, binary, clean_env, make_shop

EXAMPLES = ROOT / "ci-examples"


@pytest.fixture
def repo(tmp_path):
    return make_shop(tmp_path)


def shell(command, repo, env):
    """Runs one extracted command the way the CI would: sh, in the checkout, jira-ci on PATH."""
    path = f"{Path(binary()).parent}:{os.environ['PATH']}"
    completed = subprocess.run(["sh", "-c", command], cwd=repo.path, capture_output=True, text=True,
                               env=clean_env({**env, "PATH": path}))
    assert completed.returncode == 0, (command, completed.stderr)
    return completed


def test_build_agent_wrapper_keeps_the_builds_exit_code(cloud, repo):
    script = str(EXAMPLES / "build-agent.sh")
    env = {**cloud.env(JIRA_CI_CACHE_DIR=str(repo.path.parent / "cache")), "BUILD_NUMBER": "11",
           "BUILD_URL": "https://agent.example.com/11"}
    shell(f"{script} true", repo, env)
    assert cloud.build("github.com/acme/shop", 11)["state"] == "successful"
    path = f"{Path(binary()).parent}:{os.environ['PATH']}"
    failed = subprocess.run([script, "sh", "-c", "exit 3"], cwd=repo.path, capture_output=True, text=True,
                            env=clean_env({**env, "BUILD_NUMBER": "12", "PATH": path}))
    assert failed.returncode == 3
    assert cloud.build("github.com/acme/shop", 12)["state"] == "failed"


def install_hook(tmp_path):
    bare = tmp_path / "central.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    hook = bare / "hooks" / "post-receive"
    hook.write_bytes((EXAMPLES / "bitbucket-server" / "post-receive").read_bytes())
    hook.chmod(0o755)
    work = Repo(tmp_path / "work")
    work.git("remote", "add", "origin", str(bare))
    return work


def push_with(work, env, *refs):
    path = f"{Path(binary()).parent}:{os.environ['PATH']}"
    return subprocess.run(["git", "-C", str(work.path), "push", "-q", "origin", *refs], check=True, capture_output=True,
                          text=True, env=clean_env({**env, "PATH": path}))


def test_bitbucket_server_hook_sends_development_information(cloud, tmp_path):
    work = install_hook(tmp_path)
    work.commit("HOOK-1 first")
    env = {**cloud.env(JIRA_CI_CACHE_DIR=str(tmp_path / "cache")),
           "BB_BASE_URL": "https://bb.example.com", "BB_PROJECT_KEY": "ACME", "BB_REPO_SLUG": "shop"}
    push_with(work, env, "main")
    assert cloud.bodies("/builds/0.1/") == []  # a push is no build
    [body] = cloud.bodies("/devinfo/0.1/")
    [repository] = body["repositories"]
    assert repository["name"] == "ACME/shop" and repository["url"] == "https://bb.example.com/projects/ACME/repos/shop"
    [commit] = repository["commits"]
    assert commit["issueKeys"] == ["HOOK-1"]
    assert commit["url"].startswith("https://bb.example.com/projects/ACME/repos/shop/commits/")
    [branch] = repository["branches"]
    assert branch["name"] == "main" and branch["createPullRequestUrl"].startswith("https://bb.example.com/projects/ACME/repos/shop/pull-requests?create")


def test_the_hook_reports_on_a_plain_git_server_too(cloud, tmp_path):
    work = install_hook(tmp_path)
    work.commit("PLAIN-1 first")
    env = {**cloud.env(JIRA_CI_CACHE_DIR=str(tmp_path / "cache")), "JIRA_CI_REPOSITORY_URL": "https://git.example.com/cgit/shop.git",
           "JIRA_CI_COMMIT_URL_TEMPLATE": "https://git.example.com/cgit/shop.git/commit/?id={sha}"}
    result = push_with(work, env, "main")
    [body] = cloud.bodies("/devinfo/0.1/")
    [repository] = body["repositories"]
    assert repository["url"] == "https://git.example.com/cgit/shop"
    assert repository["commits"][0]["url"].startswith("https://git.example.com/cgit/shop.git/commit/?id=")
    assert "--branch-url-template" in result.stderr  # what else to set for links to branches and files


def github_expression(value, context):
    return re.sub(r"\$\{\{\s*([^}]+?)\s*\}\}", lambda m: context[m.group(1)], value)


def test_github_actions_workflow(cloud, repo):
    workflow = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text())
    job = workflow["jobs"]["build"]
    context = {"vars.JIRA_URL": cloud.url, "secrets.JIRA_CLIENT_ID": cloud.env()["JIRA_CLIENT_ID"],
               "secrets.JIRA_CLIENT_SECRET": cloud.env()["JIRA_CLIENT_SECRET"],
               "github.event.pull_request.title": "SHOP-3 checkout", "github.event.before": repo.base, "job.status": "success"}
    env = {k: github_expression(v, context) for k, v in job["env"].items()}
    env.update({"JIRA_CI_API_URL": cloud.url, "JIRA_CI_CACHE_DIR": str(repo.path.parent / "cache"), "GITHUB_ACTIONS": "true",
                "GITHUB_WORKFLOW": "build", "GITHUB_RUN_NUMBER": "21", "GITHUB_RUN_ID": "555",
                "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/shop",
                "GITHUB_SHA": repo.git("rev-parse", "HEAD"), "GITHUB_REF": "refs/heads/feature/SHOP-1-cart",
                "GITHUB_REF_NAME": "feature/SHOP-1-cart"})
    runs = [github_expression(step["run"], context) for step in job["steps"] if "jira-ci" in step.get("run", "")]
    assert len(runs) == 2
    for command in runs:
        shell(command, repo, env)
    build = cloud.build("github.com/acme/shop#build", 21)
    assert build["state"] == "successful"
    assert build["issueKeys"] == ["SHOP-1", "SHOP-3", "SHOP-2"]
    assert build["url"] == "https://github.com/acme/shop/actions/runs/555"


def test_gitlab_ci(cloud, repo):
    config = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text())
    env = {**cloud.env(JIRA_CI_CACHE_DIR=str(repo.path.parent / "cache")), "GITLAB_CI": "true",
           "CI_PROJECT_PATH": "acme/shop", "CI_PIPELINE_IID": "31", "CI_PIPELINE_URL": "https://gitlab.example.com/p/31",
           "CI_COMMIT_SHA": repo.git("rev-parse", "HEAD"), "CI_COMMIT_BRANCH": "feature/SHOP-1-cart",
           "CI_COMMIT_BEFORE_SHA": repo.base, "CI_JOB_STATUS": "success", "CI_ENVIRONMENT_NAME": "production"}
    commands = [c for job in ("test", "deploy-production") for part in ("script", "after_script")
                for c in config[job].get(part, []) if "jira-ci" in c]
    assert len(commands) == 3
    for command in commands:
        shell(command, repo, env)
    assert cloud.build("github.com/acme/shop#acme/shop", 31)["state"] == "successful"
    [deployment] = cloud.deployments.values()
    assert deployment["environment"]["id"] == "production" and deployment["url"] == "https://gitlab.example.com/p/31"
