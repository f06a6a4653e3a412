"""ci-examples/azure-pipelines.yml: checked by the Azure Pipelines schema and shellcheck; its stages and steps followed
as Azure runs them (each `condition:` evaluated from the file, secret variables only where a step maps them, $(macros)
filled in), the jira-ci steps run for real against the fake Jira."""
import re

import pytest
import yaml

from ci_examples import (EXAMPLES, build_states, check_schema, deployment_states, evaluate, is_jira, release_repo,
                         run_script, shellcheck, the_deployment)
from conftest import build_keys, make_shop

CONFIG_FILE = EXAMPLES / "azure-pipelines.yml"
CONFIG = yaml.safe_load(CONFIG_FILE.read_text())
MACRO = re.compile(r"\$\((\w[\w.]*)\)")
SHELL = ("bash", "--noprofile", "--norc", "-c")  # the Bash task


def steps(job):
    return job["steps"] if "steps" in job else job["strategy"]["runOnce"]["deploy"]["steps"]


def all_jobs():
    return [job for stage in CONFIG["stages"] for job in stage["jobs"]]


def test_the_pipeline_schema_and_shellcheck_accept_it():
    # The schema's patterns use escapes that ECMAScript's unicode mode refuses: check-jsonschema's nonunicode variant.
    check_schema(CONFIG_FILE, "azure-pipelines", "--regex-variant", "nonunicode")
    for job in all_jobs():
        for step in steps(job):
            if "bash" in step:
                shellcheck(step["bash"] + "\n", "bash", step.get("displayName", step["bash"]))


def test_each_checkout_has_the_whole_history_and_a_deployment_checks_out_with_tags():
    for job in all_jobs():
        [checkout] = [step for step in steps(job) if "checkout" in step]
        assert checkout["checkout"] == "self" and str(checkout["fetchDepth"]) == "0"
        if "deployment" in job:
            assert str(checkout["fetchTags"]) == "true"
    assert CONFIG["trigger"]["branches"]["include"] == ["main"] and "pr" in CONFIG


def test_the_secret_is_mapped_into_the_jira_steps_only():
    for job in all_jobs():
        for step in steps(job):
            if "bash" in step:
                assert ("JIRA_CLIENT_SECRET" in step.get("env", {})) == is_jira(step["bash"]), step


class Run:
    def __init__(self, repo, cloud, branch):
        self.repo, self.branch = repo, branch
        client = cloud.env()
        self.group = {"JIRA_URL": cloud.url, "JIRA_CLIENT_ID": client["JIRA_CLIENT_ID"]}
        self.secret_group = {"JIRA_CLIENT_SECRET": client["JIRA_CLIENT_SECRET"]}
        self.variables = {"Build.SourceBranch": f"refs/heads/{branch}"}
        self.agent = {"TF_BUILD": "True", "BUILD_DEFINITIONNAME": "shop", "BUILD_BUILDID": "71",
                      "SYSTEM_COLLECTIONURI": "https://dev.azure.com/acme/", "SYSTEM_TEAMPROJECT": "Shop",
                      "BUILD_SOURCEVERSION": repo.git("rev-parse", "HEAD"),
                      "BUILD_SOURCEBRANCH": f"refs/heads/{branch}",
                      "JIRA_CI_API_URL": cloud.url, "JIRA_CI_CACHE_DIR": str(repo.path.parent / "cache")}
        self.stages = {}

    def condition(self, expression, status):
        functions = {"and": lambda *a: all(a), "or": lambda *a: any(a), "not": lambda a: not a,
                     "eq": lambda a, b: str(a).lower() == str(b).lower(),
                     "ne": lambda a, b: str(a).lower() != str(b).lower(),
                     "always": lambda: True, "succeeded": lambda: status in ("Succeeded", "SucceededWithIssues"),
                     "failed": lambda: status == "Failed", "canceled": lambda: status == "Canceled"}
        return bool(evaluate(expression, lambda name: self.variables.get(name[len("variables["):-1]), functions))

    def macros(self, text):
        values = {**self.group, **self.secret_group, **self.variables}
        return MACRO.sub(lambda m: values.get(m.group(1), m.group(0)), str(text))

    def stage(self, name, outcomes):
        """Runs a stage: every step other than jira-ci's ends as `outcomes` says (Succeeded by default; Failed,
        Canceled). Returns whether the stage ran."""
        stage = next(stage for stage in CONFIG["stages"] if stage["stage"] == name)
        previous = [self.stages.get(dependency) for dependency in
                    ([stage["dependsOn"]] if isinstance(stage.get("dependsOn"), str) else stage.get("dependsOn", []))]
        before = "Succeeded" if all(p == "Succeeded" for p in previous) else "Failed"
        if not self.condition(stage.get("condition", "succeeded()"), before):
            return False
        for job in stage["jobs"]:
            status = "Succeeded"
            for step in steps(job):
                if "bash" not in step or not self.condition(step.get("condition", "succeeded()"), status):
                    continue
                if is_jira(step["bash"]):
                    env = {**self.agent, **self.group, **{k: self.macros(v) for k, v in step.get("env", {}).items()},
                           "AGENT_JOBSTATUS": status}
                    run_script(self.macros(step["bash"]), self.repo.path, env, shell=SHELL)
                elif status == "Succeeded":
                    status = outcomes.get(step["bash"], "Succeeded")
            self.stages[name] = status
        return True


@pytest.mark.parametrize("status, state", [("Succeeded", "successful"), ("Failed", "failed"),
                                           ("Canceled", "cancelled")])
def test_a_build_is_reported_in_progress_then_as_the_job_ended(cloud, tmp_path, status, state):
    repo = make_shop(tmp_path)
    assert Run(repo, cloud, "feature/SHOP-1-cart").stage("build", {"make test": status})
    assert build_states(cloud, 71) == ["in_progress", state]
    build = cloud.build("github.com/acme/shop#shop", 71)
    assert build["url"] == "https://dev.azure.com/acme/Shop/_build/results?buildId=71"
    assert build_keys(build) == ["SHOP-1", "SHOP-2"]


@pytest.mark.parametrize("status, state", [("Succeeded", "successful"), ("Failed", "failed"),
                                           ("Canceled", "cancelled")])
def test_the_default_branch_deploys_and_every_deployment_is_reported(cloud, tmp_path, status, state):
    repo = make_shop(tmp_path)
    release_repo(repo)
    run = Run(repo, cloud, "main")
    assert run.stage("build", {}) and run.stage("deploy", {"./deploy.sh production": status})
    assert deployment_states(cloud, 71) == [state]
    deployment = the_deployment(cloud)
    assert deployment["environment"]["type"] == "production"
    assert deployment["associations"][0]["values"] == ["SHOP-4", "SHOP-1", "SHOP-2"]  # every key since v1.0


def test_a_failed_build_or_another_branch_deploys_nothing(cloud, tmp_path):
    repo = make_shop(tmp_path)
    run = Run(repo, cloud, "feature/SHOP-1-cart")
    assert run.stage("build", {}) and not run.stage("deploy", {})
    repo.git("checkout", "-q", "main")
    run = Run(repo, cloud, "main")
    assert run.stage("build", {"make test": "Failed"}) and not run.stage("deploy", {})
    assert cloud.bodies("/jira/deployments/") == []
