"""ci-examples/github-actions.yml: checked by actionlint (which runs shellcheck on every `run:`) and GitHub's workflow
schema; its jobs followed step by step as the runner does (each `if:` evaluated from the file, `${{ }}` filled in),
the jira-ci steps run for real against the fake Jira."""
import re
import subprocess

import pytest
import yaml

from ci_examples import (EXAMPLES, build_states, check_schema, checker, deployment_states, evaluate, is_jira,
                         release_repo, run_script, the_deployment)
from conftest import build_keys, make_shop

WORKFLOW_FILE = EXAMPLES / "github-actions.yml"
WORKFLOW = yaml.safe_load(WORKFLOW_FILE.read_text())
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
STATUS_FUNCTIONS = ("always()", "success()", "failure()", "cancelled()")


def test_actionlint_and_the_workflow_schema_accept_it():
    completed = subprocess.run(
        [checker("actionlint"), f"-shellcheck={checker('shellcheck')}", str(WORKFLOW_FILE)],
        capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    check_schema(WORKFLOW_FILE, "github-workflows")


def test_each_change_is_built_once_and_checkouts_have_the_whole_history():
    triggers = WORKFLOW[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "pull_request"} and triggers["push"]["branches"] == ["main"]
    checkouts = [step for job in WORKFLOW["jobs"].values() for step in job["steps"] if "uses" in step]
    assert checkouts and all(step["with"]["fetch-depth"] == 0 for step in checkouts)
    assert WORKFLOW["permissions"] == {"contents": "read"}


def test_the_secrets_go_to_the_jira_steps_only():
    for job in WORKFLOW["jobs"].values():
        assert "secrets." not in str(job.get("env", {})).replace("secrets.JIRA_CLIENT_SECRET != ''", "")
        for step in job["steps"]:
            has_secrets = "secrets." in str(step.get("env", {}))
            assert has_secrets == is_jira(step.get("run", "")), step


class Run:
    """One workflow run: GitHub's contexts for an event, and the runner's environment."""

    def __init__(self, repo, cloud, event, ref, sha, head_ref="", secrets=True, **event_payload):
        self.repo, self.cloud = repo, cloud
        self.context = {
            "secrets": {"JIRA_CLIENT_ID": cloud.env()["JIRA_CLIENT_ID"] if secrets else "",
                        "JIRA_CLIENT_SECRET": cloud.env()["JIRA_CLIENT_SECRET"] if secrets else ""},
            "vars": {"JIRA_URL": cloud.url},
            "github": {"event_name": event, "ref": ref, "event": {"repository": {"default_branch": "main"},
                                                                   **event_payload}},
        }
        self.runner = {"GITHUB_ACTIONS": "true", "GITHUB_WORKFLOW": WORKFLOW["name"], "GITHUB_RUN_NUMBER": "21",
                       "GITHUB_RUN_ID": "555", "GITHUB_SERVER_URL": "https://github.com",
                       "GITHUB_REPOSITORY": "acme/shop", "GITHUB_EVENT_NAME": event, "GITHUB_SHA": sha,
                       "GITHUB_REF": ref, "GITHUB_REF_NAME": ref.split("/", 2)[-1], "GITHUB_HEAD_REF": head_ref,
                       "JIRA_CI_API_URL": cloud.url, "JIRA_CI_CACHE_DIR": str(repo.path.parent / "cache")}

    def lookup(self, name):
        value = self.context
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def value(self, expression):
        return evaluate(expression, self.lookup, {"format": lambda text, *args: text.format(*args),
                                                  "always": lambda: True,
                                                  "success": lambda: self.context["job"]["status"] == "success",
                                                  "failure": lambda: self.context["job"]["status"] == "failure",
                                                  "cancelled": lambda: self.context["job"]["status"] == "cancelled"})

    def fill(self, text):
        """`${{ }}` replaced by its value as GitHub writes it (booleans as true and false)."""
        def written(match):
            value = self.value(match.group(1))
            return str(value).lower() if isinstance(value, bool) else str(value or "")
        return EXPRESSION.sub(written, str(text))

    def runs(self, condition):
        """A step's `if:`, with the implied success() when it names no status function, as GitHub evaluates it."""
        condition = EXPRESSION.sub(lambda match: match.group(1), condition or "success()")
        if not any(function in condition for function in STATUS_FUNCTIONS):
            condition = f"success() && ({condition})"
        return bool(self.value(condition))

    def job(self, name, outcomes):
        """Runs a job: the jira-ci steps for real, each other step ending as `outcomes` says (default success).
        Returns whether the job ran."""
        job = WORKFLOW["jobs"][name]
        self.context["job"] = {"status": "success"}  # the jobs it needs succeeded
        if not self.runs(job.get("if")):
            return False
        self.context["env"] = {key: self.fill(value) for key, value in job.get("env", {}).items()}
        self.context["steps"] = {}
        for step in job["steps"]:
            if not self.runs(step.get("if")):
                outcome = "skipped"
            elif is_jira(step.get("run", "")):
                env = {**self.runner, **self.context["env"],
                       **{key: self.fill(value) for key, value in step.get("env", {}).items()}}
                run_script(self.fill(step["run"]), self.repo.path, env, shell=("bash", "--noprofile", "--norc",
                                                                               "-eo", "pipefail", "-c"))
                outcome = "success"
            else:
                outcome = outcomes.get(step.get("name", step.get("uses")), "success")
                if outcome != "success" and self.context["job"]["status"] == "success":
                    self.context["job"]["status"] = outcome
            if "id" in step:
                self.context["steps"][step["id"]] = {"outcome": outcome}
        return True


@pytest.fixture
def pull_request(tmp_path):
    """A pull request of feature/SHOP-1-cart into main, which has moved on (SHOP-9) since the branch began: GitHub
    builds the merge of the two, refs/pull/5/merge."""
    repo = make_shop(tmp_path)
    head = repo.git("rev-parse", "HEAD")
    repo.git("checkout", "-q", "main")
    base = repo.commit("SHOP-9 work on main")
    repo.git("checkout", "-q", "--detach")
    repo.git("merge", "-q", "--no-ff", "-m", f"Merge {head} into {base}", head)
    repo.pr = {"base": base, "head": head, "merge": repo.git("rev-parse", "HEAD")}
    return repo


def pr_run(repo, cloud, **options):
    return Run(repo, cloud, "pull_request", "refs/pull/5/merge", repo.pr["merge"], head_ref="feature/SHOP-1-cart",
               before=repo.pr["head"], pull_request={"title": "SHOP-3 checkout", "base": {"sha": repo.pr["base"]}},
               **options)


@pytest.mark.parametrize("status, state", [("success", "successful"), ("failure", "failed"),
                                           ("cancelled", "cancelled")])
def test_a_pull_request_is_reported_in_progress_then_as_it_ended(cloud, pull_request, status, state):
    assert pr_run(pull_request, cloud).job("build", {"Test": status})
    assert build_states(cloud, 21) == ["in_progress", state]
    build = cloud.build("github.com/acme/shop#build", 21)
    assert build["url"] == "https://github.com/acme/shop/actions/runs/555"
    # The branch, the title, the pull request's own commit: not SHOP-9, which came from the base branch.
    assert build_keys(build) == ["SHOP-1", "SHOP-3", "SHOP-2"]


def test_a_pull_request_without_secrets_builds_and_reports_nothing(cloud, pull_request):
    """A fork's pull request gets no secrets. With them empty jira-ci stops at its configuration, exit 2, which
    --soft-fail does not cover: the workflow skips its steps then."""
    [start] = [step["run"] for step in WORKFLOW["jobs"]["build"]["steps"] if "in_progress" in step.get("run", "")]
    env = {"JIRA_URL": cloud.url, "JIRA_CLIENT_ID": "", "JIRA_CLIENT_SECRET": "", "GITHUB_ACTIONS": "true"}
    assert run_script(start, pull_request.path, env, check=False).returncode == 2
    assert pr_run(pull_request, cloud, secrets=False).job("build", {"Test": "success"})
    assert cloud.requests == []


def test_a_push_to_the_default_branch_is_built_and_deployed_with_the_keys_since_the_last_release(cloud, tmp_path):
    repo = make_shop(tmp_path)
    before = repo.git("rev-parse", "feature/SHOP-1-cart")
    head = release_repo(repo)
    run = Run(repo, cloud, "push", "refs/heads/main", head, before=before)
    assert run.job("build", {}) and run.job("deploy", {})
    assert build_states(cloud, 21) == ["in_progress", "successful"]
    # What the push brought: SHOP-4 and the merge of SHOP-1's branch.
    assert build_keys(cloud.build("github.com/acme/shop#build", 21)) == ["SHOP-4", "SHOP-1"]
    assert deployment_states(cloud, 21) == ["successful"]
    deployment = the_deployment(cloud)
    assert deployment["environment"]["type"] == "production"
    assert deployment["associations"][0]["values"] == ["SHOP-4", "SHOP-1", "SHOP-2"]  # every key since v1.0


@pytest.mark.parametrize("outcome, state", [("failure", "failed"), ("cancelled", "cancelled")])
def test_a_deployment_that_fails_or_is_cancelled_is_reported_so(cloud, tmp_path, outcome, state):
    repo = make_shop(tmp_path)
    head = release_repo(repo)
    assert Run(repo, cloud, "push", "refs/heads/main", head).job("deploy", {"Deploy": outcome})
    assert deployment_states(cloud, 21) == [state]


def test_a_deployment_that_never_started_is_not_reported(cloud, tmp_path):
    repo = make_shop(tmp_path)
    head = release_repo(repo)
    assert Run(repo, cloud, "push", "refs/heads/main", head).job("deploy", {"actions/checkout@v7": "failure"})
    assert cloud.requests == []


def test_only_the_default_branch_deploys(cloud, pull_request):
    assert not pr_run(pull_request, cloud).job("deploy", {})
    feature_push = Run(pull_request, cloud, "push", "refs/heads/feature/SHOP-1-cart", pull_request.pr["head"])
    assert not feature_push.job("deploy", {})
    assert cloud.requests == []
