"""ci-examples/teamcity/: jira-step.sh checked by shellcheck, and the steps README.md lists (their "Execute step" policy
and custom script, the parameters, the deploy's branch filter) followed as TeamCity runs a build: %references% filled
in, env. parameters in the environment, a stopped build running only the steps that run always."""
import fnmatch
import re
import shutil

import pytest

from ci_examples import (EXAMPLES, build_states, deployment_states, release_repo, run_script, shellcheck,
                         the_deployment)
from conftest import build_keys, make_shop

FOLDER = EXAMPLES / "teamcity"
README = (FOLDER / "README.md").read_text()
ROW = re.compile(r"^\| *(.+?) *\| *(.+?) *\| *`(.+)` *\|$", re.M)
REFERENCE = re.compile(r"%([\w.]+)%")


def table_after(heading):
    section = README.split(heading, 1)[1].split("\n## ", 1)[0]
    return section, [match.groups() for match in ROW.finditer(section)]


def parameters():
    section = README.split("## Parameters", 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"^\| `([\w.]+)` \| (.+?) \|$", section, re.M))


def configuration(name):
    """The steps of a build configuration (name, policy, script) and its branch filter rules."""
    section, rows = table_after(f'## Build configuration "{name}"')
    branch_filter = re.search(r"Branch filter: `([^`]*)`", section)
    return rows, branch_filter.group(1).split() if branch_filter else ["+:*"]


def test_the_step_script_is_shellcheck_clean_and_so_is_every_custom_script():
    shellcheck((FOLDER / "jira-step.sh").read_text(), "sh", "jira-step.sh")
    for name in ("Build", "Deploy to production"):
        for step, _, script in configuration(name)[0]:
            shellcheck(REFERENCE.sub("value", script) + "\n", "sh", f"{name}: {step}")


def test_the_secret_is_a_configuration_parameter_named_by_the_jira_steps_only():
    assert not any(name.startswith("env.") and "SECRET" in name for name in parameters())
    for name in ("Build", "Deploy to production"):
        for step, _, script in configuration(name)[0]:
            assert ("%jira.client.secret%" in script) == ("jira-step.sh" in script), step


def branch_matches(rules, branch):
    """TeamCity's branch filter: the last matching rule decides; <default> is the default branch."""
    verdict = False
    for rule in rules:
        sign, pattern = rule[0], rule[2:]
        if (branch == "main") if pattern == "<default>" else fnmatch.fnmatchcase(branch, pattern):
            verdict = sign == "+"
    return verdict


POLICIES = {
    "If all previous steps finished successfully": lambda status: status == "success",
    "Only if build status is successful": lambda status: status == "success",
    "Only if build status is failed": lambda status: status == "failure",
    "Even if some of the previous steps failed": lambda status: status != "stopped",
    "Always, even if build stop command was issued": lambda status: True,
}


class Agent:
    """A TeamCity agent running builds of the README's configurations in the checkout of `repo`."""

    def __init__(self, repo, cloud, branch):
        self.repo, self.branch = repo, branch
        scripts = repo.path / "ci" / "teamcity"
        scripts.mkdir(parents=True, exist_ok=True)
        shutil.copy(FOLDER / "jira-step.sh", scripts / "jira-step.sh")
        properties = repo.path.parent / "teamcity.build81.properties"
        properties.write_text("teamcity.build.id=81\nteamcity.version=2025.11\n")
        client = cloud.env()
        self.values = {"teamcity.serverUrl": "https://teamcity.example.com", "teamcity.build.id": "81",
                       "teamcity.build.branch": branch, "jira.client.secret": client["JIRA_CLIENT_SECRET"],
                       "env.JIRA_URL": cloud.url, "env.JIRA_CLIENT_ID": client["JIRA_CLIENT_ID"]}
        for name, value in parameters().items():
            if name not in self.values:
                self.values[name] = value.strip("`")
        self.env = {"TEAMCITY_VERSION": "2025.11", "TEAMCITY_BUILDCONF_NAME": "Build", "BUILD_NUMBER": "1.4.2-rc",
                    "BUILD_VCS_NUMBER": repo.git("rev-parse", "HEAD"),
                    "TEAMCITY_BUILD_PROPERTIES_FILE": str(properties),
                    "JIRA_CI_API_URL": cloud.url, "JIRA_CI_CACHE_DIR": str(repo.path.parent / "cache")}

    def resolve(self, text):
        return REFERENCE.sub(lambda m: self.resolve(self.values[m.group(1)]), text)

    def build(self, name, outcomes):
        """Runs a build of the configuration; steps other than Jira's end as `outcomes` says (success, failure,
        stopped: the build is stopped during that step). Returns whether the build was triggered."""
        rows, branch_filter = configuration(name)
        if not branch_matches(branch_filter, self.branch):
            return False
        env = {**self.env, "TEAMCITY_BUILDCONF_NAME": name,
               **{key[4:]: self.resolve(value) for key, value in self.values.items() if key.startswith("env.")}}
        status = "success"
        for step, policy, script in rows:
            if not POLICIES[policy](status):
                continue
            if "jira-step.sh" in script:
                run_script(self.resolve(script), self.repo.path, env)
            elif status == "success":
                status = outcomes.get(step, "success")
        return True


@pytest.mark.parametrize("outcome, state", [("success", "successful"), ("failure", "failed"), ("stopped", "cancelled")])
def test_a_build_is_reported_in_progress_then_as_it_ended(cloud, tmp_path, outcome, state):
    repo = make_shop(tmp_path)
    assert Agent(repo, cloud, "feature/SHOP-1-cart").build("Build", {"Test": outcome})
    assert build_states(cloud, 81) == ["in_progress", state]  # teamcity.build.id: the build number is text
    build = cloud.build("github.com/acme/shop#Build", 81)
    assert build["url"] == "https://teamcity.example.com/viewLog.html?buildId=81"
    assert build_keys(build) == ["SHOP-1", "SHOP-2"]


def test_a_new_build_on_the_same_checkout_is_not_taken_for_the_previous_one(cloud, tmp_path):
    agent = Agent(make_shop(tmp_path), cloud, "feature/SHOP-1-cart")
    agent.build("Build", {})
    agent.build("Build", {"Test": "stopped"})
    assert build_states(cloud, 81) == ["in_progress", "successful", "in_progress", "cancelled"]


@pytest.mark.parametrize("outcome, state", [("success", "successful"), ("failure", "failed"), ("stopped", "cancelled")])
def test_the_default_branch_deploys_and_every_deployment_is_reported(cloud, tmp_path, outcome, state):
    repo = make_shop(tmp_path)
    release_repo(repo)
    assert Agent(repo, cloud, "main").build("Deploy to production", {"Deploy": outcome})
    assert deployment_states(cloud, 81) == ["in_progress", state]
    deployment = the_deployment(cloud)
    assert deployment["environment"]["type"] == "production"
    assert deployment["associations"][0]["values"] == ["SHOP-4", "SHOP-1", "SHOP-2"]  # every key since v1.0


def test_other_branches_never_deploy(cloud, tmp_path):
    assert not Agent(make_shop(tmp_path), cloud, "feature/SHOP-1-cart").build("Deploy to production", {})
    assert cloud.requests == []
