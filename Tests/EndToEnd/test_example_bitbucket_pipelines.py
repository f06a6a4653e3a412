"""ci-examples/bitbucket-pipelines.yml: checked by Bitbucket's pipelines schema and shellcheck; the pipeline a branch
gets chosen as Bitbucket does, its steps followed (a failed command ends its step's script and the pipeline, then
after-script runs with BITBUCKET_EXIT_CODE), the jira-ci lines run for real against the fake Jira."""
import fnmatch

import pytest
import yaml

from ci_examples import (EXAMPLES, build_states, check_schema, deployment_states, is_jira, release_repo, run_script,
                         shellcheck, the_deployment)
from conftest import build_keys, make_shop

CONFIG_FILE = EXAMPLES / "bitbucket-pipelines.yml"
CONFIG = yaml.safe_load(CONFIG_FILE.read_text())


def steps(branch):
    """The steps of the pipeline Bitbucket runs for a push to `branch`: its branch pipeline, else the default one."""
    pipelines = CONFIG["pipelines"]
    for pattern, pipeline in pipelines.get("branches", {}).items():
        if fnmatch.fnmatchcase(branch, pattern):
            return [item["step"] for item in pipeline]
    return [item["step"] for item in pipelines["default"]]


def test_the_pipelines_schema_and_shellcheck_accept_it():
    check_schema(CONFIG_FILE, "bitbucket-pipelines")
    for branch in ("main", "feature/SHOP-1-cart"):
        for step in steps(branch):
            for part in ("script", "after-script"):
                shellcheck("\n".join(step.get(part, [])) + "\n", "bash", f"{step['name']} {part}")


def test_the_whole_history_is_cloned():
    assert CONFIG["clone"]["depth"] == "full"


def run_pipeline(repo, cloud, branch, exit_codes):
    """Runs the branch's pipeline; `exit_codes` gives the exit code of commands other than jira-ci (default 0).
    Returns the names of the steps that ran."""
    env = {**cloud.env(JIRA_CI_CACHE_DIR=str(repo.path.parent / "cache")), "BITBUCKET_BUILD_NUMBER": "41",
           "BITBUCKET_REPO_FULL_NAME": "acme/shop", "BITBUCKET_GIT_HTTP_ORIGIN": "https://bitbucket.org/acme/shop",
           "BITBUCKET_COMMIT": repo.git("rev-parse", "HEAD"), "BITBUCKET_BRANCH": branch}
    ran = []
    for step in steps(branch):
        ran.append(step["name"])
        exit_code = 0
        for line in step["script"]:
            exit_code = run_script(line, repo.path, env, shell=("bash", "-c")).returncode if is_jira(line) \
                else exit_codes.get(line, 0)
            if exit_code:
                break
        for line in step.get("after-script", []):
            run_script(line, repo.path, {**env, "BITBUCKET_EXIT_CODE": str(exit_code)}, shell=("bash", "-c"))
        if exit_code:
            break
    return ran


@pytest.mark.parametrize("exit_code, state", [(0, "successful"), (2, "failed")])
def test_a_branch_build_is_reported_in_progress_then_as_its_step_ended(cloud, tmp_path, exit_code, state):
    repo = make_shop(tmp_path)
    assert run_pipeline(repo, cloud, "feature/SHOP-1-cart", {"make test": exit_code}) == ["Build and test"]
    assert build_states(cloud, 41) == ["in_progress", state]
    build = cloud.build("github.com/acme/shop#acme/shop", 41)
    assert build["url"] == "https://bitbucket.org/acme/shop/addon/pipelines/home#!/results/41"
    assert build_keys(build) == ["SHOP-1", "SHOP-2"]  # the commits the default branch lacks
    assert cloud.bodies("/jira/deployments/") == []  # only the default branch deploys


@pytest.mark.parametrize("exit_code, state", [(0, "successful"), (1, "failed")])
def test_the_default_branch_deploys_and_every_deployment_is_reported(cloud, tmp_path, exit_code, state):
    repo = make_shop(tmp_path)
    release_repo(repo)
    ran = run_pipeline(repo, cloud, "main", {"./deploy.sh production": exit_code})
    assert ran == ["Build and test", "Deploy to production"]
    assert build_states(cloud, 41) == ["in_progress", "successful"]
    assert deployment_states(cloud, 41) == [state]
    deployment = the_deployment(cloud)
    assert deployment["environment"]["type"] == "production"
    assert deployment["associations"][0]["values"] == ["SHOP-4", "SHOP-1", "SHOP-2"]  # every key since v1.0


def test_a_failed_build_deploys_nothing(cloud, tmp_path):
    repo = make_shop(tmp_path)
    release_repo(repo)
    assert run_pipeline(repo, cloud, "main", {"make test": 2}) == ["Build and test"]
    assert build_states(cloud, 41) == ["in_progress", "failed"]
    assert cloud.bodies("/jira/deployments/") == []
