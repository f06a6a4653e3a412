"""The Jenkins examples: ci-examples/Jenkinsfile (declarative), Jenkinsfile.scripted, Jenkinsfile.server and the shared
library in ci-examples/jenkins-library/. Groovy compiles each as Jenkins does; then each runs, as written, under a
stand-in for Jenkins (Tests/EndToEnd/jenkins/StandIn.groovy) whose stages, `when` and `post` conditions and results
follow Jenkins' rules, and every `sh` that runs jira-ci runs it for real, with the environment Jenkins would give it,
against the fake Jira. Nothing is retyped: the control flow is the file's own."""
import functools
import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from ci_examples import (EXAMPLES, build_states, checker, deployment_states, path_with_jira_ci, release_repo,
                         the_deployment)
from conftest import ROOT, build_keys, clean_env, make_shop
from fake_jira_cloud import CLIENT_ID, CLIENT_SECRET
from fake_jira_server import PAT, FakeJiraServer
from test_server import key

LIBRARY = EXAMPLES / "jenkins-library"
STAND_IN = Path(__file__).parent / "jenkins"
SITE = "https://acme.atlassian.net"           # the Jira site the examples name
SERVER_SITE = "https://jira.example.com"
CLOUD_CREDENTIALS = {"jira-client-id": {"kind": "Secret text", "secret": CLIENT_ID},
                     "jira-client-secret": {"kind": "Secret text", "secret": CLIENT_SECRET}}
LIBRARY_CREDENTIALS = {
    "jira-oauth": {"kind": "Username with password", "username": CLIENT_ID, "password": CLIENT_SECRET},
    "jira-pat": {"kind": "Secret text", "secret": PAT}}
SECRETS = (CLIENT_SECRET, PAT)
PIPELINE = "github.com/acme/shop#shop"


def groovy(tool, *args):
    """Runs Debian's groovy or groovyc, JAVA_HOME from the java on PATH; the JIT tuned for start-up, which is most
    of a run's time."""
    env = clean_env({"JAVA_HOME": str(Path(os.path.realpath(checker("java"))).parents[1]),
                     "JAVA_OPTS": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC", "PATH": path_with_jira_ci()})
    return subprocess.run([checker(tool), *map(str, args)], capture_output=True, text=True, env=env, timeout=180)


@pytest.fixture(scope="module")
def stand_in(tmp_path_factory):
    """The stand-in's classes (StandIn and the stubs of Jenkins' classes), compiled once: its class path."""
    classes = tmp_path_factory.mktemp("stand-in")
    sources = [p for p in STAND_IN.rglob("*.groovy") if p.name not in ("run.groovy", "compile.groovy")]
    completed = groovy("groovyc", "-d", classes, *sources)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return str(classes)


class Build:
    """What a run under the stand-in did: every step, the build's result, the error it ended with."""

    def __init__(self, record):
        self.steps = record["steps"]
        self.result = record["result"]
        self.error = record["error"]

    @property
    def jira(self):
        """The sh steps that ran jira-ci, in order."""
        return [s for s in self.steps if s["step"] == "sh" and s["script"].startswith("jira-ci ")]

    def ran(self, stage):
        [record] = [s for s in self.steps if s["step"] == "stage" and s["arguments"] == [stage]]
        return "skipped" not in record

    def assert_reports_soft_fail_and_gates_fail_closed(self):
        """A report never fails the build for Jira's sake; a gate that cannot say "allowed" must."""
        for call in self.jira:
            words = shlex.split(call["script"])
            assert ("--soft-fail" in words) == (words[1] != "gate"), call["script"]

    def assert_no_secrets(self):
        """A secret is only ever in the environment withCredentials binds, never in a step's arguments (Jenkins'
        "insecure interpolation of sensitive variables") nor in the command's trace and output."""
        for step in self.steps:
            for secret in SECRETS:
                assert not any(secret in text for text in step["arguments"]), step
                assert secret not in step.get("output", ""), step


def run_jenkins(stand_in, workspace, env, pipeline=None, script=None, credentials=CLOUD_CREDENTIALS, outcomes=None,
                scm_vars=None, sites=None, library=False):
    """Runs a Jenkinsfile (`pipeline`, a path) or a pipeline's text (`script`) under the stand-in, in `workspace`,
    with the build's environment `env`; the commands that are not jira-ci have the `outcomes` given."""
    config = workspace.parent / "stand-in.json"
    record = workspace.parent / "record.json"
    config.write_text(json.dumps({
        "pipeline": str(pipeline) if pipeline else None, "script": script, "library": str(LIBRARY) if library else None,
        "env": env, "credentials": credentials, "outcomes": outcomes or {}, "scmVars": scm_vars or {},
        "sites": sites or {}, "workspace": str(workspace), "record": str(record)}))
    completed = groovy("groovy", "-cp", stand_in, STAND_IN / "run.groovy", config)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    build = Build(json.loads(record.read_text()))
    build.assert_no_secrets()
    build.assert_reports_soft_fail_and_gates_fail_closed()
    return build


@pytest.fixture
def jenkins(stand_in):
    """run_jenkins with the stand-in compiled."""
    return functools.partial(run_jenkins, stand_in)


# -- the repositories and the builds' environments ---------------------------------------------------------------

@pytest.fixture
def feature(tmp_path):
    """A checkout of feature/SHOP-1-cart with SHOP-2 on it, detached as Jenkins' git checkout leaves it."""
    repo = make_shop(tmp_path)
    repo.git("checkout", "-q", "--detach")
    return repo


@pytest.fixture
def main(tmp_path):
    """A checkout of main after a release: since the last build SHOP-2's branch was merged (SHOP-1) and SHOP-4 came."""
    repo = make_shop(tmp_path)
    release_repo(repo)
    repo.git("checkout", "-q", "--detach")
    return repo


def jenkins_env(repo, site, number="7", job="shop", **branch):
    """What Jenkins gives a build, with what the Declarative checkout adds (GIT_COMMIT, GIT_PREVIOUS_SUCCESSFUL_COMMIT);
    `branch` is the job type's: BRANCH_NAME (and CHANGE_*) in a multibranch job, GIT_BRANCH in a plain Pipeline job."""
    return {"JENKINS_URL": "https://ci.example.com/", "JOB_NAME": job, "JOB_URL": f"https://ci.example.com/job/{job}/",
            "BUILD_NUMBER": number, "BUILD_URL": f"https://ci.example.com/job/{job}/{number}/",
            "GIT_COMMIT": repo.git("rev-parse", "HEAD"), "GIT_PREVIOUS_SUCCESSFUL_COMMIT": repo.base,
            "JIRA_CI_API_URL": site.url, "JIRA_CI_CACHE_DIR": str(repo.path.parent / "cache"), **branch}


PLAIN_MAIN = {"GIT_BRANCH": "origin/main"}
MULTIBRANCH_MAIN = {"BRANCH_NAME": "main", "GIT_BRANCH": "main"}


# -- compiling ----------------------------------------------------------------------------------------------------

def groovy_sources():
    return [*sorted(EXAMPLES.glob("Jenkinsfile*")), *sorted(LIBRARY.glob("vars/*.groovy")),
            *sorted(LIBRARY.glob("src/**/*.groovy"))]


def test_groovy_compiles_every_jenkinsfile_and_library_step(stand_in):
    sources = groovy_sources()
    assert len(sources) >= 8   # three Jenkinsfiles, four steps, their shared class
    completed = groovy("groovy", "-cp", stand_in, STAND_IN / "compile.groovy", "--library", LIBRARY, *sources)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout.count(": ok") == len(sources), completed.stdout


def test_the_compile_check_fails_on_a_syntax_error_and_on_a_class_that_does_not_exist(stand_in, tmp_path):
    unbalanced = tmp_path / "Jenkinsfile"
    unbalanced.write_text((EXAMPLES / "Jenkinsfile").read_text().rstrip()[:-1])
    misspelt = tmp_path / "Jenkinsfile.scripted"
    misspelt.write_text((EXAMPLES / "Jenkinsfile.scripted").read_text().replace("FlowInterruptedException",
                                                                                 "FlowInteruptedException"))
    completed = groovy("groovy", "-cp", stand_in, STAND_IN / "compile.groovy", unbalanced, misspelt)
    assert completed.returncode == 1
    assert "expecting '}'" in completed.stdout and "unable to resolve class" in completed.stdout


def test_the_stand_in_reads_the_branch_condition_from_branch_name_alone_as_jenkins_does(jenkins, cloud, main):
    """Why the Jenkinsfile's deploy condition is an expression: in a plain Pipeline job `branch 'main'` never holds."""
    build = jenkins(main.path, jenkins_env(main, cloud, **PLAIN_MAIN), script="""
pipeline {
    agent any
    stages {
        stage('branch') {
            when { branch 'main' }
            steps { echo 'deploying' }
        }
        stage('expression') {
            when { expression { env.GIT_BRANCH == 'origin/main' } }
            steps { echo 'deploying' }
        }
    }
}
""")
    assert not build.ran("branch") and build.ran("expression")


# -- the declarative Jenkinsfile ------------------------------------------------------------------------------------

def declarative(jenkins, repo, cloud, outcomes, **branch):
    return jenkins(repo.path, jenkins_env(repo, cloud, **branch), pipeline=EXAMPLES / "Jenkinsfile",
                   outcomes={"make test": "SUCCESS", "./deploy.sh production": "SUCCESS", **outcomes},
                   sites={SITE: cloud.url})


@pytest.mark.parametrize("job", [PLAIN_MAIN, MULTIBRANCH_MAIN], ids=["plain Pipeline job", "multibranch job"])
def test_declarative_reports_in_progress_then_success_and_deploys_main(jenkins, cloud, main, job):
    build = declarative(jenkins, main, cloud, {}, **job)
    assert build.result == "SUCCESS" and build.ran("Deploy")
    commands = [s["script"] for s in build.steps if s["step"] == "sh"]
    deploying = commands.index("./deploy.sh production")
    assert re.match(r"jira-ci deploy .*--state in_progress", commands[deploying - 1])
    assert build_states(cloud, 7) == ["in_progress", "successful"]
    assert build_keys(cloud.build(PIPELINE, 7)) == ["SHOP-4", "SHOP-1", "SHOP-2"]
    assert deployment_states(cloud, 7) == ["in_progress", "successful"]
    deployment = the_deployment(cloud)
    assert deployment["environment"] == {"id": "production", "displayName": "production", "type": "production"}
    assert deployment["deploymentSequenceNumber"] == 7


@pytest.mark.parametrize("job", [
    {"GIT_BRANCH": "origin/feature/SHOP-1-cart"},
    {"BRANCH_NAME": "feature/SHOP-1-cart"},
    {"BRANCH_NAME": "PR-7", "CHANGE_BRANCH": "feature/SHOP-1-cart", "CHANGE_TARGET": "main"},
], ids=["plain Pipeline job", "multibranch job", "pull request"])
def test_declarative_does_not_deploy_another_branch(jenkins, cloud, feature, job):
    build = declarative(jenkins, feature, cloud, {}, **job)
    assert build.result == "SUCCESS" and not build.ran("Deploy")
    assert cloud.build(PIPELINE, 7)["state"] == "successful"
    assert build_keys(cloud.build(PIPELINE, 7)) == ["SHOP-1", "SHOP-2"]
    assert cloud.deployments == {}


@pytest.mark.parametrize("outcome, state", [("FAILURE", "failed"), ("ABORTED", "cancelled"), ("UNSTABLE", "failed")])
def test_declarative_reports_a_build_that_did_not_succeed_and_does_not_deploy_it(jenkins, cloud, main, outcome, state):
    build = declarative(jenkins, main, cloud, {"make test": outcome}, **PLAIN_MAIN)
    assert build.result == outcome and not build.ran("Deploy")
    assert build_states(cloud, 7) == ["in_progress", state]
    assert cloud.deployments == {}


@pytest.mark.parametrize("outcome, state", [("FAILURE", "failed"), ("ABORTED", "cancelled")])
def test_declarative_reports_a_deployment_that_did_not_succeed(jenkins, cloud, main, outcome, state):
    build = declarative(jenkins, main, cloud, {"./deploy.sh production": outcome}, **MULTIBRANCH_MAIN)
    assert build.result == outcome and build.ran("Deploy")
    assert deployment_states(cloud, 7) == ["in_progress", state]
    assert cloud.build(PIPELINE, 7)["state"] == state


# -- the scripted Jenkinsfile ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("outcome, state", [("SUCCESS", "successful"), ("FAILURE", "failed"), ("ABORTED", "cancelled")])
def test_scripted_reports_in_progress_then_the_real_result(jenkins, cloud, feature, outcome, state):
    """A plain Pipeline job: the environment has neither BRANCH_NAME nor what `checkout scm` returns, so the
    branch's key (SHOP-1), the commit and the range come from the returned map alone."""
    scm_vars = {"GIT_COMMIT": feature.git("rev-parse", "HEAD"), "GIT_BRANCH": "origin/feature/SHOP-1-cart",
                "GIT_PREVIOUS_SUCCESSFUL_COMMIT": feature.base}
    env = {k: v for k, v in jenkins_env(feature, cloud).items() if not k.startswith("GIT_")}
    build = jenkins(feature.path, env, pipeline=EXAMPLES / "Jenkinsfile.scripted", outcomes={"make test": outcome},
                    scm_vars=scm_vars, sites={SITE: cloud.url})
    assert build.result == outcome
    assert build_states(cloud, 7) == ["in_progress", state]
    reported = cloud.build(PIPELINE, 7)
    assert build_keys(reported) == ["SHOP-1", "SHOP-2"]
    assert reported["references"][0]["commit"]["id"] == scm_vars["GIT_COMMIT"]


# -- the Jira Server Jenkinsfile -----------------------------------------------------------------------------------

@pytest.fixture
def server():
    fake = FakeJiraServer(key()[1])
    yield fake
    fake.close()


@pytest.mark.parametrize("outcome, state", [("SUCCESS", "successful"), ("FAILURE", "failed")])
def test_server_jenkinsfile_reports_in_progress_then_the_result(jenkins, server, feature, outcome, state):
    build = jenkins(feature.path, jenkins_env(feature, server, number="3", BRANCH_NAME="feature/SHOP-1-cart"),
                    pipeline=EXAMPLES / "Jenkinsfile.server", outcomes={"make test": outcome},
                    credentials={"jira-pat": {"kind": "Secret text", "secret": PAT}}, sites={SERVER_SITE: server.url})
    assert build.result == outcome
    start, final = build.jira
    assert "--state in_progress" in start["script"] and start["exit"] == 0
    assert final["env"]["JIRA_CI_STATE"] == outcome and final["exit"] == 0
    assert server.count("/remotelink") == 4   # two reports, to SHOP-1 and SHOP-2
    [link] = server.links["SHOP-1"]
    assert link["object"]["title"] == f"Build 3 of shop: {state}"


# -- the shared library ---------------------------------------------------------------------------------------------

def with_library(jenkins, repo, site, script, outcomes=None, scm_vars=None, **env):
    """Runs `script` with `@Library('jira-ci') _` in a multibranch job of feature/SHOP-1-cart, JIRA_URL set globally
    (Manage Jenkins > System > Global properties) unless the script names the site itself."""
    build_env = {**jenkins_env(repo, site, BRANCH_NAME="feature/SHOP-1-cart"), "JIRA_URL": SITE, **env}
    script = script if "@Library" in script else f"@Library('jira-ci') _\n{script}"
    return jenkins(repo.path, build_env, script=script, credentials=LIBRARY_CREDENTIALS,
                   outcomes=outcomes, scm_vars=scm_vars, sites={SITE: site.url, SERVER_SITE: site.url},
                   library=True)


def assert_runs_with_credentials_bound(call, command):
    """The command line is the step's fixed one; the credentials are in its environment only."""
    assert call["script"] == command
    assert call["env"]["JIRA_CLIENT_ID"] == CLIENT_ID and call["env"]["JIRA_CLIENT_SECRET"] == CLIENT_SECRET


BUILD_WITH_LIBRARY = """
pipeline {
    agent any
    stages {
        stage('Build') {
            steps {
                jiraBuild(state: 'in_progress')
                sh 'make test'
            }
        }
    }
    post {
        always {
            jiraBuild(state: currentBuild.currentResult)
        }
    }
}
"""


@pytest.mark.parametrize("outcome, state", [("SUCCESS", "successful"), ("FAILURE", "failed"), ("ABORTED", "cancelled")])
def test_jira_build_reports_in_progress_then_the_result(jenkins, cloud, feature, outcome, state):
    build = with_library(jenkins, feature, cloud, BUILD_WITH_LIBRARY, outcomes={"make test": outcome})
    assert build.result == outcome
    assert build_states(cloud, 7) == ["in_progress", state]
    assert build_keys(cloud.build(PIPELINE, 7)) == ["SHOP-1", "SHOP-2"]
    start, final = build.jira
    for call in build.jira:
        assert_runs_with_credentials_bound(call, "jira-ci build --soft-fail")
    assert start["env"]["JIRA_CI_STATE"] == "in_progress" and final["env"]["JIRA_CI_STATE"] == outcome


DEPLOY_WITH_LIBRARY = """
node {
    jiraDeploy(environment: 'production', state: 'in_progress')
    try {
        sh './deploy.sh production'
        jiraDeploy(environment: 'production', state: 'successful')
    } catch (error) {
        jiraDeploy(environment: 'production', state: 'failed')
        throw error
    }
}
"""


@pytest.mark.parametrize("outcome, state", [("SUCCESS", "successful"), ("FAILURE", "failed")])
def test_jira_deploy_reports_in_progress_then_the_result(jenkins, cloud, feature, outcome, state):
    build = with_library(jenkins, feature, cloud, DEPLOY_WITH_LIBRARY, outcomes={"./deploy.sh production": outcome})
    assert build.result == outcome
    assert deployment_states(cloud, 7) == ["in_progress", state]
    for call in build.jira:
        assert_runs_with_credentials_bound(call, "jira-ci deploy --soft-fail")
    deployment = the_deployment(cloud)
    assert deployment["environment"]["type"] == "production" and deployment["deploymentSequenceNumber"] == 7


def test_jira_deploy_hands_its_parameters_to_jira_ci_as_text_never_as_shell(jenkins, cloud, main, tmp_path):
    """A label with quotes and a command substitution (a build parameter, say) reaches Jira verbatim; sinceTag widens
    the range to the last release tag; lists are comma-separated."""
    label = """v1.1 "$(touch pwned)" '`touch pwned`' $HOME"""
    build = with_library(jenkins, main, cloud, """
node {
    jiraDeploy(environment: 'Produktion EU', environmentType: 'production', state: 'successful', sinceTag: 'v*',
               label: env.RELEASE, service: ['svc-1', 'svc-2'], deploymentNumber: 15)
}
""", RELEASE=label, GIT_PREVIOUS_SUCCESSFUL_COMMIT=main.git("rev-parse", "HEAD~1"), **MULTIBRANCH_MAIN)
    assert build.result == "SUCCESS", build.error
    assert not list(tmp_path.rglob("pwned"))
    deployment = the_deployment(cloud)
    assert deployment["label"] == label
    assert deployment["environment"]["displayName"] == "Produktion EU"
    assert deployment["environment"]["type"] == "production"
    assert deployment["deploymentSequenceNumber"] == 15
    values = {a["associationType"]: a["values"] for a in deployment["associations"]}
    assert values["serviceIdOrKeys"] == ["svc-1", "svc-2"]
    assert sorted(values["issueIdOrKeys"]) == ["SHOP-1", "SHOP-2", "SHOP-4"]   # since v1.0, not since the merge


GATED_DEPLOY = """
node {
    jiraDeploy(environment: 'production', state: 'pending', gate: true, service: ['svc-1'])
    jiraGate(environment: 'production', wait: '5s', poll: '1s')
    sh './deploy.sh production'
}
"""


def test_jira_gate_passes_when_jira_allows_the_deployment(jenkins, cloud, feature):
    cloud.gating = [{"gatingStatus": "allowed", "taskKey": "CHG-1", "details": []}]
    build = with_library(jenkins, feature, cloud, GATED_DEPLOY, outcomes={"./deploy.sh production": "SUCCESS"})
    assert build.result == "SUCCESS", build.error
    deploy, gate = build.jira
    assert deploy["env"]["JIRA_CI_GATE"] == "true" and gate["exit"] == 0
    assert [s["script"] for s in build.steps if s["step"] == "sh"][-1] == "./deploy.sh production"
    deployment = the_deployment(cloud)
    assert deployment["commands"] == [{"command": "initiate_deployment_gating"}]


@pytest.mark.parametrize("answer", [{"gatingStatus": "prevented", "taskKey": "CHG-2", "details": []}, 404],
                         ids=["prevented", "no such deployment"])
def test_jira_gate_fails_closed(jenkins, cloud, feature, answer):
    cloud.gating = [answer]
    build = with_library(jenkins, feature, cloud, GATED_DEPLOY, outcomes={"./deploy.sh production": "SUCCESS"})
    assert build.result == "FAILURE"
    assert build.error == "hudson.AbortException: script returned exit code 6"
    gate = build.jira[-1]
    assert_runs_with_credentials_bound(gate, "jira-ci gate")   # no --soft-fail
    assert "./deploy.sh production" not in [s.get("script") for s in build.steps]


def test_jira_devinfo_sends_the_commits_and_the_branch(jenkins, cloud, feature):
    build = with_library(jenkins, feature, cloud, "node { jiraDevinfo() }")
    assert build.result == "SUCCESS"
    assert_runs_with_credentials_bound(build.jira[0], "jira-ci devinfo --soft-fail")
    [body] = cloud.bodies("/devinfo/0.1/")
    [repository] = body["repositories"]
    [commit] = repository["commits"]
    assert commit["issueKeys"] == ["SHOP-2"] and commit["id"] == feature.git("rev-parse", "HEAD")
    [branch] = repository["branches"]
    assert branch["name"] == "feature/SHOP-1-cart" and branch["issueKeys"][0] == "SHOP-1"


def test_the_library_reports_to_jira_server_with_a_personal_access_token(jenkins, server, feature):
    build = with_library(jenkins, feature, server, """
node {
    jiraBuild(state: 'UNSTABLE', patCredentialsId: 'jira-pat', jiraUrl: 'https://jira.example.com')
}
""", JIRA_URL="")
    assert build.result == "SUCCESS", build.error
    [call] = build.jira
    assert call["env"]["JIRA_PAT"] == PAT and "JIRA_CLIENT_SECRET" not in call["env"]
    [link] = server.links["SHOP-1"]
    assert link["object"]["title"] == "Build 7 of shop: failed"


def test_a_scripted_pipeline_hands_the_library_what_checkout_returned(jenkins, cloud, feature):
    scm_vars = {"GIT_COMMIT": feature.git("rev-parse", "HEAD"), "GIT_BRANCH": "origin/feature/SHOP-1-cart",
                "GIT_PREVIOUS_SUCCESSFUL_COMMIT": feature.base}
    env = {k: "" for k in ("GIT_COMMIT", "GIT_PREVIOUS_SUCCESSFUL_COMMIT", "BRANCH_NAME")}   # a plain Pipeline job
    build = with_library(jenkins, feature, cloud, """
node {
    def scmVars = checkout scm
    jiraBuild(state: 'in_progress', scmVars: scmVars)
}
""", scm_vars=scm_vars, **env)
    assert build.result == "SUCCESS", build.error
    reported = cloud.build(PIPELINE, 7)
    assert build_keys(reported) == ["SHOP-1", "SHOP-2"]
    assert reported["references"][0]["commit"]["id"] == scm_vars["GIT_COMMIT"]


WRONG_CALLS = """
node {
    [{ jiraBuild(bogus: 1) }, { jiraDeploy(bogus: 1) }, { jiraGate(bogus: 1) }, { jiraDevinfo(bogus: 1) },
     { jiraDeploy(environment: 'production') }, { jiraBuild(state: null) },
     { jiraBuild(state: 'SUCCESS', credentialsId: 'jira-oauth', patCredentialsId: 'jira-pat') }].each { step ->
        try {
            step()
        } catch (hudson.AbortException e) {
            echo e.message
        }
    }
}
"""


def test_a_wrong_parameter_fails_the_step_before_jira_ci_runs_and_the_help_names_every_one(jenkins, cloud, feature):
    build = with_library(jenkins, feature, cloud, WRONG_CALLS)
    assert build.jira == []
    messages = [s["arguments"][0] for s in build.steps if s["step"] == "echo"]
    assert messages[4:] == [
        "jiraDeploy: state is required", "jiraBuild: state is required",
        "jiraBuild: credentialsId (Jira Cloud) and patCredentialsId (Jira Server) exclude each other"]
    for step, message in zip(["jiraBuild", "jiraDeploy", "jiraGate", "jiraDevinfo"], messages):
        prefix = f"{step}: unknown parameter bogus; it takes "
        assert message.startswith(prefix)
        taken = set(message[len(prefix):].split(", "))
        help_text = (LIBRARY / "vars" / f"{step}.txt").read_text()
        documented = {name for term in re.findall(r"<dt>(.*?)</dt>", help_text)
                      for name in re.findall(r"<code>(\w+)</code>", term)}
        assert taken == documented, step


def readme_library_example():
    section = (ROOT / "README.md").read_text().split("### Jenkins shared library", 1)[1]
    return re.search(r"```groovy\n(.*?)```", section, re.S).group(1)


def test_the_readme_library_example_reports_build_gated_deployment_and_development_information(jenkins, cloud,
                                                                                                  feature):
    cloud.gating = [{"gatingStatus": "allowed", "taskKey": "CHG-1", "details": []}]
    build = with_library(jenkins, feature, cloud, readme_library_example(),
                         outcomes={"make test": "SUCCESS", "./deploy.sh production": "SUCCESS"})
    assert build.result == "SUCCESS", build.error
    assert build_states(cloud, 7) == ["in_progress", "successful"]
    pending, deploying, deployed = [d["deployments"][0] for d in cloud.bodies("/deployments/0.1/")]
    assert [pending["state"], deploying["state"], deployed["state"]] == ["pending", "in_progress", "successful"]
    assert pending["commands"] == [{"command": "initiate_deployment_gating"}]
    assert len(cloud.bodies("/devinfo/0.1/")) == 1


def test_in_the_readme_library_example_a_prevented_deployment_never_runs(jenkins, cloud, feature):
    cloud.gating = [{"gatingStatus": "prevented", "taskKey": "CHG-2", "details": []}]
    build = with_library(jenkins, feature, cloud, readme_library_example(),
                         outcomes={"make test": "SUCCESS", "./deploy.sh production": "SUCCESS"})
    assert build.result == "FAILURE" and not build.ran("Deploy")
    assert deployment_states(cloud, 7) == ["pending"]
    assert cloud.build(PIPELINE, 7)["state"] == "failed"
    assert len(cloud.bodies("/devinfo/0.1/")) == 1
