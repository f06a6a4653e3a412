"""Every file in ci-examples/ is exercised: its own jira-ci commands, extracted from the file (not retyped), run
with that CI's environment in a real git repository against the fake Jira."""
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, Repo, binary, clean_env
from fake_jira_cloud import FakeJiraCloud
from fake_jira_server import PAT, FakeJiraServer
from test_server import key

EXAMPLES = ROOT / "ci-examples"


@pytest.fixture
def repo(tmp_path):
    repo = Repo(tmp_path / "shop")
    repo.git("remote", "add", "origin", "git@github.com:acme/shop.git")
    repo.base = repo.commit("init")
    repo.git("checkout", "-q", "-b", "feature/SHOP-1-cart")
    repo.commit("SHOP-2 add cart")
    return repo


def shell(command, repo, env):
    """Runs one extracted command the way the CI would: sh, in the checkout, jira-ci on PATH."""
    path = f"{Path(binary()).parent}:{os.environ['PATH']}"
    completed = subprocess.run(["sh", "-c", command], cwd=repo.path, capture_output=True, text=True,
                               env=clean_env({**env, "PATH": path}))
    assert completed.returncode == 0, (command, completed.stderr)
    return completed


def jenkins_env(repo, cloud, number="7"):
    return {**cloud.env(JIRA_CI_CACHE_DIR=str(repo.path.parent / "cache")), "JENKINS_URL": "https://ci.example.com/",
            "JOB_NAME": "shop", "JOB_URL": "https://ci.example.com/job/shop/", "BUILD_NUMBER": number,
            "BUILD_URL": f"https://ci.example.com/job/shop/{number}/", "GIT_COMMIT": repo.git("rev-parse", "HEAD"),
            "BRANCH_NAME": "feature/SHOP-1-cart", "GIT_PREVIOUS_SUCCESSFUL_COMMIT": repo.base}


def sh_steps(path):
    return re.findall(r"sh '(jira-ci [^']*)'", path.read_text())


def test_declarative_jenkinsfile(cloud, repo):
    steps = sh_steps(EXAMPLES / "Jenkinsfile")
    assert len(steps) == 3
    env = jenkins_env(repo, cloud)
    start, deploy, final = steps
    shell(start, repo, env)
    assert cloud.build("github.com/acme/shop#shop", 7)["state"] == "in_progress"
    shell(deploy, repo, env)
    shell(final, repo, {**env, "JIRA_CI_STATE": "SUCCESS"})  # withEnv(["JIRA_CI_STATE=${currentBuild.currentResult}"])
    build = cloud.build("github.com/acme/shop#shop", 7)
    assert build["state"] == "successful" and build["issueKeys"] == ["SHOP-1", "SHOP-2"]
    assert build["url"] == "https://ci.example.com/job/shop/7/"
    [deployment] = cloud.deployments.values()
    assert deployment["environment"]["type"] == "production" and deployment["deploymentSequenceNumber"] == 7
    shell(final, repo, {**jenkins_env(repo, cloud, "8"), "JIRA_CI_STATE": "ABORTED"})
    assert cloud.build("github.com/acme/shop#shop", 8)["state"] == "cancelled"


def test_scripted_jenkinsfile(cloud, repo):
    text = (EXAMPLES / "Jenkinsfile.scripted").read_text()
    template = re.search(r'sh "(jira-ci \$\{command\}[^"]*)"', text).group(1)
    calls = re.findall(r"jiraReport\('([^']*)'\)", text)
    assert calls == ["build --state in_progress", "build"]
    env = jenkins_env(repo, cloud)
    for call, state in zip(calls, ["", "FAILURE"]):
        shell(template.replace("${command}", call), repo, {**env, "JIRA_CI_STATE": state})
    assert cloud.build("github.com/acme/shop#shop", 7)["state"] == "failed"


def test_server_jenkinsfile(repo):
    server = FakeJiraServer(key()[1])
    try:
        [step] = sh_steps(EXAMPLES / "Jenkinsfile.server")
        env = {"JENKINS_URL": "https://ci/", "JOB_NAME": "shop", "BUILD_NUMBER": "3", "BUILD_URL": "https://ci/3",
               "BRANCH_NAME": "feature/SHOP-1-cart", "JIRA_URL": server.url, "JIRA_PAT": PAT, "JIRA_CI_STATE": "UNSTABLE"}
        shell(step, repo, env)
        [link] = server.links["SHOP-1"]
        assert link["object"]["title"] == "Build 3 of shop: failed"
    finally:
        server.close()


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


def test_bitbucket_server_hook_installed_in_a_bare_repository(cloud, tmp_path):
    bare = tmp_path / "central.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    hook = bare / "hooks" / "post-receive"
    hook.write_bytes((EXAMPLES / "bitbucket-server" / "post-receive").read_bytes())
    hook.chmod(0o755)
    work = Repo(tmp_path / "work")
    work.git("remote", "add", "origin", str(bare))
    work.commit("HOOK-1 first")
    path = f"{Path(binary()).parent}:{os.environ['PATH']}"
    env = clean_env({**cloud.env(JIRA_CI_CACHE_DIR=str(tmp_path / "cache")), "PATH": path,
                     "BB_BASE_URL": "https://bb.example.com", "BB_PROJECT_KEY": "ACME", "BB_REPO_SLUG": "shop"})
    subprocess.run(["git", "-C", str(work.path), "push", "-q", "origin", "main"], check=True, env=env)
    [build] = [b["builds"][0] for b in cloud.bodies("/builds/0.1/")]
    assert build["issueKeys"] == ["HOOK-1"]
    assert build["url"].startswith("https://bb.example.com/projects/ACME/repos/shop/commits/")


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
