"""Every file in ci-examples/ is exercised: its own jira-ci commands, extracted from the file (not retyped), run
with that CI's environment in a real git repository against the fake Jira."""
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, binary, clean_env, make_shop
from fake_jira_server import PAT, FakeJiraServer
from test_server import key

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


def test_scripted_jenkinsfile_reports_the_real_result_of_a_failing_body(cloud, repo):
    """Jenkins is not here, so the script's control flow is followed by hand, as Jenkins runs it: the report in
    `finally` runs after the body failed and after the `catch` block, and its `withEnv` list is evaluated
    then, with what `checkout scm` returned."""
    text = (EXAMPLES / "Jenkinsfile.scripted").read_text()
    template = re.search(r'sh "(jira-ci \$\{command\}[^"]*)"', text).group(1)
    with_env = re.findall(r'"([A-Z_]+)=([^"]*)"', re.search(r"withEnv\(\[(.*?)\]\)", text, re.S).group(1))
    body = re.search(r"try \{(.*?)\} catch \(error\) \{(.*?)\} finally \{(.*?)\}", text, re.S)
    assert body, "the pipeline body must report in finally, after a catch that records the failure"
    try_block, catch_block, finally_block = body.groups()
    assert re.findall(r"jiraReport\(scmVars, '([^']*)'\)", try_block) == ["build --state in_progress"]
    assert re.findall(r"jiraReport\(scmVars, '([^']*)'\)", finally_block) == ["build"]
    assert "currentBuild.result =" in catch_block and "'FAILURE'" in catch_block and "throw error" in catch_block
    scm_vars = {"GIT_COMMIT": repo.git("rev-parse", "HEAD"), "GIT_PREVIOUS_SUCCESSFUL_COMMIT": repo.base}

    def evaluate(value, current_result):
        value = value.replace("${currentBuild.currentResult}", current_result)
        value = value.replace("${scmVars.GIT_PREVIOUS_SUCCESSFUL_COMMIT ?: ''}", scm_vars["GIT_PREVIOUS_SUCCESSFUL_COMMIT"])
        return value.replace("${scmVars.GIT_COMMIT}", scm_vars["GIT_COMMIT"])

    base = {k: v for k, v in jenkins_env(repo, cloud).items() if not k.startswith("GIT_")}  # scripted: not set
    for call, result in [("build --state in_progress", "SUCCESS"), ("build", "FAILURE")]:
        env = {**base, **{name: evaluate(value, result) for name, value in with_env if name != "JIRA_URL"}}
        assert "${" not in "".join(env.values())
        shell(template.replace("${command}", call), repo, env)
    build = cloud.build("github.com/acme/shop#shop", 7)
    assert build["state"] == "failed"
    assert build["issueKeys"] == ["SHOP-1", "SHOP-2"]  # the range since GIT_PREVIOUS_SUCCESSFUL_COMMIT
    assert build["references"][0]["commit"]["id"] == scm_vars["GIT_COMMIT"]


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
