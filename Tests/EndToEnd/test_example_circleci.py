"""ci-examples/circleci-config.yml: checked by CircleCI's config schema and shellcheck; its workflow's branch filters
and each step's `when` followed as CircleCI does, the jira-ci steps run for real against the fake Jira."""
import pytest
import yaml

from ci_examples import (EXAMPLES, build_states, check_schema, deployment_states, is_jira, release_repo, run_script,
                         shellcheck, the_deployment)
from conftest import build_keys, make_shop

CONFIG_FILE = EXAMPLES / "circleci-config.yml"
CONFIG = yaml.safe_load(CONFIG_FILE.read_text())
[WORKFLOW] = CONFIG["workflows"].values()
SHELL = ("bash", "-eo", "pipefail", "-c")  # CircleCI's default shell for run steps


def runs(job):
    return [step["run"] if isinstance(step["run"], dict) else {"command": step["run"]}
            for step in CONFIG["jobs"][job]["steps"] if isinstance(step, dict) and "run" in step]


def workflow_job(name):
    [entry] = [item for item in WORKFLOW["jobs"] if item == name or (isinstance(item, dict) and name in item)]
    return entry[name] if isinstance(entry, dict) else {}


def test_the_config_schema_and_shellcheck_accept_it():
    check_schema(CONFIG_FILE, "circle-ci")
    for job in CONFIG["jobs"]:
        for run in runs(job):
            shellcheck(run["command"] + "\n", "bash", f"{job}: {run.get('name', run['command'])}")


def test_the_jobs_that_report_get_the_jira_context():
    for job in CONFIG["jobs"]:
        assert any(is_jira(run["command"]) for run in runs(job))
        assert workflow_job(job).get("context") == "jira"


def triggered(job, branch):
    """Whether the workflow runs `job` for a push to `branch` (its branch filter; the jobs it requires passed)."""
    only = workflow_job(job).get("filters", {}).get("branches", {}).get("only")
    return only is None or branch in ([only] if isinstance(only, str) else only)


def run_job(repo, cloud, job, branch, exit_codes):
    """Runs a job's steps: a failing command fails the job; each step runs by its `when` (default on_success)."""
    if not triggered(job, branch):
        return False
    env = {**cloud.env(JIRA_CI_CACHE_DIR=str(repo.path.parent / "cache")), "CIRCLECI": "true",
           "CIRCLE_PROJECT_REPONAME": "shop", "CIRCLE_BUILD_NUM": "51",
           "CIRCLE_BUILD_URL": "https://circleci.com/gh/acme/shop/51", "CIRCLE_SHA1": repo.git("rev-parse", "HEAD"),
           "CIRCLE_BRANCH": branch}
    failed = False
    for run in runs(job):
        if {"on_success": not failed, "on_fail": failed, "always": True}[run.get("when", "on_success")]:
            if is_jira(run["command"]):
                run_script(run["command"], repo.path, env, shell=SHELL)
            elif exit_codes.get(run["command"], 0):
                failed = True
    return True


@pytest.mark.parametrize("exit_code, state", [(0, "successful"), (2, "failed")])
def test_a_build_is_reported_in_progress_then_as_it_ended(cloud, tmp_path, exit_code, state):
    repo = make_shop(tmp_path)
    assert run_job(repo, cloud, "build", "feature/SHOP-1-cart", {"make test": exit_code})
    assert build_states(cloud, 51) == ["in_progress", state]
    build = cloud.build("github.com/acme/shop#shop", 51)
    assert build["url"] == "https://circleci.com/gh/acme/shop/51" and build_keys(build) == ["SHOP-1", "SHOP-2"]


@pytest.mark.parametrize("exit_code, state", [(0, "successful"), (1, "failed")])
def test_the_default_branch_deploys_and_every_deployment_is_reported(cloud, tmp_path, exit_code, state):
    repo = make_shop(tmp_path)
    release_repo(repo)
    assert run_job(repo, cloud, "deploy", "main", {"./deploy.sh production": exit_code})
    assert deployment_states(cloud, 51) == [state]
    deployment = the_deployment(cloud)
    assert deployment["environment"]["type"] == "production"
    assert deployment["associations"][0]["values"] == ["SHOP-4", "SHOP-1", "SHOP-2"]  # every key since v1.0


def test_only_the_default_branch_deploys_and_only_after_the_build(cloud, tmp_path):
    assert workflow_job("deploy")["requires"] == ["build"]
    assert not run_job(make_shop(tmp_path), cloud, "deploy", "feature/SHOP-1-cart", {})
    assert cloud.requests == []
