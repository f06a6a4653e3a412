"""ci-examples/gitlab-ci.yml: checked by GitLab's CI schema and shellcheck; its workflow and job rules evaluated as
GitLab does, its jira-ci lines run for real with GitLab's variables against the fake Jira."""
import pytest
import yaml

from ci_examples import (EXAMPLES, build_states, check_schema, deployment_states, evaluate, is_jira, release_repo,
                         run_script, shellcheck, the_deployment)
from conftest import build_keys, make_shop

CONFIG_FILE = EXAMPLES / "gitlab-ci.yml"
CONFIG = yaml.safe_load(CONFIG_FILE.read_text())
ZEROS = "0" * 40


def test_the_ci_schema_and_shellcheck_accept_it():
    check_schema(CONFIG_FILE, "gitlab-ci")
    for name, job in jobs().items():
        for part in ("script", "after_script"):
            shellcheck("\n".join(job.get(part, [])) + "\n", "bash", f"{name}.{part}")


def test_the_whole_history_is_cloned():
    assert str(CONFIG["variables"]["GIT_DEPTH"]) == "0"


def jobs():
    return {name: job for name, job in CONFIG.items() if isinstance(job, dict) and "script" in job}


def first_rule(rules, variables):
    """The first rule whose `if:` holds, as GitLab picks it (None: no rule matched)."""
    lookup = lambda name: variables.get(name.lstrip("$")) or None  # noqa: E731 (an empty variable is unset)
    return next((rule for rule in rules if "if" not in rule or evaluate(rule["if"], lookup)), None)


class Pipeline:
    def __init__(self, repo, cloud, source, branch, sha, before=ZEROS, open_mr=False, **variables):
        self.repo, self.cloud = repo, cloud
        self.variables = {
            **cloud.env(JIRA_CI_CACHE_DIR=str(repo.path.parent / "cache")), "GITLAB_CI": "true",
            "CI_PROJECT_PATH": "acme/shop", "CI_PROJECT_URL": "https://gitlab.example.com/acme/shop",
            "CI_PIPELINE_IID": "31", "CI_PIPELINE_URL": "https://gitlab.example.com/acme/shop/-/pipelines/9031",
            "CI_PIPELINE_SOURCE": source, "CI_COMMIT_SHA": sha, "CI_COMMIT_BEFORE_SHA": before,
            "CI_DEFAULT_BRANCH": "main", **variables}
        if source == "merge_request_event":
            self.variables["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"] = branch
        else:
            self.variables["CI_COMMIT_BRANCH"] = branch
            self.variables["CI_OPEN_MERGE_REQUESTS"] = "acme/shop!5" if open_mr else ""
        rule = first_rule(CONFIG["workflow"]["rules"], self.variables)
        self.created = rule is not None and rule.get("when") != "never"
        if self.created:
            self.variables.update({name: self.expand(value) for name, value in rule.get("variables", {}).items()})

    def expand(self, value):
        return self.variables.get(value[1:], "") if str(value).startswith("$") else str(value)

    def job(self, name, status):
        """Runs a job whose own commands end as `status` says (success, failed, canceled): its jira-ci lines of
        script, then after_script with CI_JOB_STATUS. Returns whether the job is in the pipeline."""
        job = CONFIG[name]
        if "rules" in job and not first_rule(job["rules"], self.variables):
            return False
        environment = job.get("environment") or ""
        env = {**self.variables, **{k: self.expand(v) for k, v in job.get("variables", {}).items()},
               "CI_ENVIRONMENT_NAME": environment if isinstance(environment, str) else environment["name"]}
        for line in job["script"]:
            if is_jira(line):
                run_script(line, self.repo.path, env, shell=("bash", "-c"))
        for line in job.get("after_script", []):
            run_script(line, self.repo.path, {**env, "CI_JOB_STATUS": status}, shell=("bash", "-c"))
        return True


@pytest.fixture
def merge_request(tmp_path):
    """feature/SHOP-1-cart, with a merge request into main, which has moved on (SHOP-9) since the branch began."""
    repo = make_shop(tmp_path)
    repo.git("checkout", "-q", "main")
    repo.commit("SHOP-9 work on main")
    repo.git("checkout", "-q", "feature/SHOP-1-cart")
    return repo


def mr_pipeline(repo, cloud):
    return Pipeline(repo, cloud, "merge_request_event", "feature/SHOP-1-cart", repo.git("rev-parse", "HEAD"),
                    CI_MERGE_REQUEST_TITLE="SHOP-3 checkout", CI_MERGE_REQUEST_DIFF_BASE_SHA=repo.base)


@pytest.mark.parametrize("status, state", [("success", "successful"), ("failed", "failed"), ("canceled", "cancelled")])
def test_a_merge_request_pipeline_is_reported_in_progress_then_as_the_job_ended(cloud, merge_request, status, state):
    pipeline = mr_pipeline(merge_request, cloud)
    assert pipeline.created and pipeline.job("test", status)
    assert build_states(cloud, 31) == ["in_progress", state]
    build = cloud.build("github.com/acme/shop#acme/shop", 31)
    assert build["url"] == "https://gitlab.example.com/acme/shop/-/pipelines/9031"
    assert build_keys(build) == ["SHOP-1", "SHOP-3", "SHOP-2"]  # the merge request's commits, not SHOP-9 of main


def test_a_push_to_a_branch_with_an_open_merge_request_makes_no_second_pipeline(cloud, merge_request):
    sha = merge_request.git("rev-parse", "HEAD")
    assert not Pipeline(merge_request, cloud, "push", "feature/SHOP-1-cart", sha, open_mr=True).created
    assert Pipeline(merge_request, cloud, "push", "feature/SHOP-1-cart", sha).created


def test_a_branchs_first_pipeline_carries_the_commits_the_default_branch_lacks(cloud, merge_request):
    pipeline = Pipeline(merge_request, cloud, "push", "feature/SHOP-1-cart", merge_request.git("rev-parse", "HEAD"))
    assert pipeline.job("test", "success")
    assert build_keys(cloud.build("github.com/acme/shop#acme/shop", 31)) == ["SHOP-1", "SHOP-2"]


@pytest.mark.parametrize("status, state", [("success", "successful"), ("failed", "failed"), ("canceled", "cancelled")])
def test_the_default_branch_deploys_and_every_deployment_is_reported(cloud, tmp_path, status, state):
    repo = make_shop(tmp_path)
    before = repo.git("rev-parse", "feature/SHOP-1-cart")
    head = release_repo(repo)
    pipeline = Pipeline(repo, cloud, "push", "main", head, before=before)
    assert pipeline.job("deploy-production", status)
    assert deployment_states(cloud, 31) == [state]
    deployment = the_deployment(cloud)
    assert deployment["environment"]["id"] == "production" and deployment["environment"]["type"] == "production"
    assert deployment["associations"][0]["values"] == ["SHOP-4", "SHOP-1", "SHOP-2"]  # every key since v1.0


def test_other_branches_never_deploy(cloud, merge_request):
    assert not mr_pipeline(merge_request, cloud).job("deploy-production", "success")
    sha = merge_request.git("rev-parse", "HEAD")
    assert not Pipeline(merge_request, cloud, "push", "feature/SHOP-1-cart", sha).job("deploy-production", "success")
    assert cloud.bodies("/jira/deployments/") == []
