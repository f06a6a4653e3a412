"""ci-examples/buildkite-pipeline.yml and buildkite-hooks/post-command: checked by Buildkite's pipeline schema and
shellcheck (on the commands as the agent runs them, after the upload's $-substitution); the pipeline followed as
Buildkite runs it (`if:` at upload, depends_on with allow_failure, `secrets:`), with a stand-in buildkite-agent
that answers `step get outcome` and `secret get`; the jira-ci commands run for real against the fake Jira."""
import re

import pytest
import yaml

from ci_examples import (EXAMPLES, build_states, check_schema, deployment_states, evaluate, is_jira, path_with_jira_ci,
                         release_repo, run_script, shellcheck, the_deployment)
from conftest import build_keys, make_shop

PIPELINE_FILE = EXAMPLES / "buildkite-pipeline.yml"
PIPELINE = yaml.safe_load(PIPELINE_FILE.read_text())
HOOK = EXAMPLES / "buildkite-hooks" / "post-command"
SHELL = ("bash", "-e", "-c")  # the agent's default shell
UPLOAD_TIME = re.compile(r"\$\$|\$\{(\w+)[^}]*\}|\$(\w+)")

FAKE_AGENT = """#!/bin/sh
# buildkite-agent, as far as the examples use it: the outcome of a step, a secret.
case "$1 $2" in
    "step get") [ "$3 $4" = "outcome --step" ] && printenv "FAKE_OUTCOME_$5" ;;
    "secret get") printenv "FAKE_SECRET_$3" ;;
    *) echo "buildkite-agent stand-in: $*" >&2; exit 64 ;;
esac
"""


def uploaded(command, upload_env):
    """The command as `buildkite-agent pipeline upload` leaves it: $$ becomes $, $NAME and ${NAME} take the value the
    uploading job has (nothing for what only the running step knows)."""
    return UPLOAD_TIME.sub(lambda m: "$" if m.group(0) == "$$" else upload_env.get(m.group(1) or m.group(2), ""),
                           command)


def test_the_pipeline_schema_and_shellcheck_accept_them():
    check_schema(PIPELINE_FILE, "buildkite")
    for step in PIPELINE["steps"]:
        shellcheck(uploaded(step["command"], {}) + "\n", "bash", step["label"])
    shellcheck(HOOK.read_text(), "sh", HOOK.name)


def test_what_only_the_running_step_knows_is_escaped_from_the_upload():
    for step in PIPELINE["steps"]:
        assert "$" not in step["command"].replace("$$", ""), f"{step['label']}: a $ the upload would substitute"


def test_the_secrets_go_to_the_jira_steps_only():
    for step in PIPELINE["steps"]:
        assert ("secrets" in step) == is_jira(step["command"]), step["label"]


class Build:
    def __init__(self, repo, cloud, tmp_path, branch):
        self.repo, self.cloud, self.branch = repo, cloud, branch
        fake = tmp_path / "bin"
        fake.mkdir(exist_ok=True)
        (fake / "buildkite-agent").write_text(FAKE_AGENT)
        (fake / "buildkite-agent").chmod(0o755)
        secrets = cloud.env()
        self.env = {**PIPELINE.get("env", {}), "JIRA_CI_API_URL": cloud.url,
                    "JIRA_CI_CACHE_DIR": str(repo.path.parent / "cache"), "PATH": f"{fake}:{path_with_jira_ci()}",
                    "BUILDKITE": "true", "BUILDKITE_PIPELINE_SLUG": "shop", "BUILDKITE_BUILD_NUMBER": "61",
                    "BUILDKITE_BUILD_URL": "https://buildkite.com/acme/shop/builds/61",
                    "BUILDKITE_COMMIT": repo.git("rev-parse", "HEAD"), "BUILDKITE_BRANCH": branch,
                    "BUILDKITE_PIPELINE_DEFAULT_BRANCH": "main",
                    "FAKE_SECRET_JIRA_CLIENT_ID": secrets["JIRA_CLIENT_ID"],
                    "FAKE_SECRET_JIRA_CLIENT_SECRET": secrets["JIRA_CLIENT_SECRET"]}
        self.env["JIRA_URL"] = cloud.url

    def lookup(self, name):
        return {"build.branch": self.branch, "pipeline.default_branch": "main"}.get(name)

    def run(self, outcomes):
        """Runs the build: each step other than jira-ci's ends with its `outcomes` entry (default passed). Returns the
        labels of the steps that ran."""
        steps = [step for step in PIPELINE["steps"] if "if" not in step or evaluate(step["if"], self.lookup)]
        finished, ran = {}, []
        for step in steps:
            dependencies = step.get("depends_on", [])
            dependencies = [dependencies] if isinstance(dependencies, str) else dependencies
            blocked = False
            for dependency in dependencies:
                key, allowed = (dependency, False) if isinstance(dependency, str) else (dependency["step"],
                                                                                       dependency.get("allow_failure"))
                outcome = finished.get(key)
                blocked |= outcome is None or (outcome != "passed" and not allowed)
            if blocked:
                continue
            ran.append(step["label"])
            if is_jira(step["command"]):
                env = {**self.env, **{f"FAKE_OUTCOME_{key}": value for key, value in finished.items()},
                       **{name: self.env[f"FAKE_SECRET_{name}"] for name in step.get("secrets", [])}}
                run_script(uploaded(step["command"], {}), self.repo.path, env, shell=SHELL)
                outcome = "passed"
            else:
                outcome = outcomes.get(step.get("key"), "passed")
            if "key" in step:
                finished[step["key"]] = outcome
        return ran

    def post_command_hook(self, step_key, cancelled):
        """The agent runs the hook after a step's command, in the job's environment (without the Jira secrets)."""
        env = {**self.env, "BUILDKITE_STEP_KEY": step_key, **({"BUILDKITE_JOB_CANCELLED": "true"} if cancelled else {})}
        run_script(f". {HOOK}", self.repo.path, env, shell=("bash", "-c"))


@pytest.mark.parametrize("outcome, state", [("passed", "successful"), ("hard_failed", "failed"),
                                            ("soft_failed", "failed"), ("errored", "failed")])
def test_a_build_is_reported_in_progress_then_with_the_tests_outcome(cloud, tmp_path, outcome, state):
    repo = make_shop(tmp_path)
    ran = Build(repo, cloud, tmp_path, "feature/SHOP-1-cart").run({"test": outcome})
    assert ran == [":jira: build in progress", ":hammer: test", ":jira: build result"]
    assert build_states(cloud, 61) == ["in_progress", state]
    build = cloud.build("github.com/acme/shop#shop", 61)
    assert build["url"] == "https://buildkite.com/acme/shop/builds/61" and build_keys(build) == ["SHOP-1", "SHOP-2"]


def test_a_cancelled_build_is_reported_by_the_post_command_hook_of_its_test_step(cloud, tmp_path):
    repo = make_shop(tmp_path)
    build = Build(repo, cloud, tmp_path, "feature/SHOP-1-cart")
    # Cancelled while the tests ran: the first step had reported, no further step runs.
    run_script(PIPELINE["steps"][0]["command"], repo.path,
               {**build.env, "JIRA_CLIENT_ID": build.env["FAKE_SECRET_JIRA_CLIENT_ID"],
                "JIRA_CLIENT_SECRET": build.env["FAKE_SECRET_JIRA_CLIENT_SECRET"]}, shell=SHELL)
    build.post_command_hook("jira-started", cancelled=False)
    build.post_command_hook("test", cancelled=True)
    assert build_states(cloud, 61) == ["in_progress", "cancelled"]


def test_the_hook_reports_nothing_for_a_job_that_was_not_cancelled(cloud, tmp_path):
    build = Build(make_shop(tmp_path), cloud, tmp_path, "feature/SHOP-1-cart")
    build.post_command_hook("test", cancelled=False)
    build.post_command_hook("deploy", cancelled=True)
    assert cloud.requests == []


@pytest.mark.parametrize("outcome, state", [("passed", "successful"), ("hard_failed", "failed")])
def test_the_default_branch_deploys_and_every_deployment_is_reported(cloud, tmp_path, outcome, state):
    repo = make_shop(tmp_path)
    release_repo(repo)
    ran = Build(repo, cloud, tmp_path, "main").run({"deploy": outcome})
    assert ran[-2:] == [":rocket: deploy", ":jira: deployment"]
    assert deployment_states(cloud, 61) == [state]
    deployment = the_deployment(cloud)
    assert deployment["environment"]["type"] == "production"
    assert deployment["associations"][0]["values"] == ["SHOP-4", "SHOP-1", "SHOP-2"]  # every key since v1.0


def test_failed_tests_deploy_nothing_and_other_branches_never_deploy(cloud, tmp_path):
    repo = make_shop(tmp_path)
    assert ":rocket: deploy" not in Build(repo, cloud, tmp_path, "feature/SHOP-1-cart").run({})
    repo.git("checkout", "-q", "main")
    assert ":rocket: deploy" not in Build(repo, cloud, tmp_path, "main").run({"test": "hard_failed"})
    assert cloud.bodies("/jira/deployments/") == []
