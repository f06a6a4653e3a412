"""ci-examples/build-agent.sh, run for real: a subprocess, a real build command, real signals."""
import os
import signal
import subprocess
import time

from ci_examples import EXAMPLES, build_states, path_with_jira_ci, shellcheck
from conftest import build_keys, clean_env, make_shop

SCRIPT = EXAMPLES / "build-agent.sh"


def agent(tmp_path, cloud, **variables):
    repo = make_shop(tmp_path)
    env = {**cloud.env(JIRA_CI_CACHE_DIR=str(tmp_path / "cache")), "PATH": path_with_jira_ci(), **variables}
    return repo, clean_env(env)


def wrapped(repo, env, *command, stdin=None):
    return subprocess.run([str(SCRIPT), *command], cwd=repo.path, env=env, input=stdin, capture_output=True, text=True,
                          timeout=60)


def test_the_wrapper_is_shellcheck_clean():
    shellcheck(SCRIPT.read_text(), "sh", SCRIPT.name)


def test_without_BUILD_NUMBER_as_on_github_the_build_runs_and_the_ci_numbers_it(tmp_path, cloud):
    repo, env = agent(tmp_path, cloud, GITHUB_ACTIONS="true", GITHUB_WORKFLOW="build", GITHUB_RUN_NUMBER="21",
                      GITHUB_RUN_ID="555", GITHUB_SERVER_URL="https://github.com", GITHUB_REPOSITORY="acme/shop")
    result = wrapped(repo, env, "sh", "-c", ": > built")
    assert result.returncode == 0, result.stderr
    assert (repo.path / "built").exists()
    assert build_states(cloud, 21) == ["in_progress", "successful"]
    assert cloud.build("github.com/acme/shop#build", 21)["url"] == "https://github.com/acme/shop/actions/runs/555"


def test_an_empty_BUILD_NUMBER_counts_as_unset(tmp_path, cloud):
    repo, env = agent(tmp_path, cloud, BUILD_NUMBER="", BUILD_URL="")
    result = wrapped(repo, env, "true")
    assert result.returncode == 0, result.stderr
    [number] = {body["builds"][0]["buildNumber"] for body in cloud.bodies("/jira/builds/0.1/")}
    assert build_states(cloud, number) == ["in_progress", "successful"]  # the derived number, the same both times


def test_a_build_number_that_is_no_number_is_said_once_and_jira_ci_derives_one(tmp_path, cloud):
    repo, env = agent(tmp_path, cloud, BUILD_NUMBER="1.4.2-rc")
    result = wrapped(repo, env, "true")
    assert result.returncode == 0
    assert result.stderr.count("BUILD_NUMBER '1.4.2-rc' is not a whole number") == 1
    [number] = {body["builds"][0]["buildNumber"] for body in cloud.bodies("/jira/builds/0.1/")}
    assert build_states(cloud, number) == ["in_progress", "successful"]


def test_a_failing_build_keeps_its_exit_code_and_is_reported_failed(tmp_path, cloud):
    repo, env = agent(tmp_path, cloud, BUILD_NUMBER="12", BUILD_URL="https://agent.example.com/12")
    result = wrapped(repo, env, "sh", "-c", "exit 3")
    assert result.returncode == 3
    assert build_states(cloud, 12) == ["in_progress", "failed"]
    build = cloud.build("github.com/acme/shop", 12)
    assert build["url"] == "https://agent.example.com/12" and build_keys(build) == ["SHOP-1", "SHOP-2"]


def test_the_build_reads_the_agents_stdin(tmp_path, cloud):
    repo, env = agent(tmp_path, cloud, BUILD_NUMBER="13")
    result = wrapped(repo, env, "sh", "-c", "read line && [ \"$line\" = input ]", stdin="input\n")
    assert result.returncode == 0


def test_a_jira_configuration_error_never_changes_the_builds_exit_code(tmp_path, cloud):
    repo, env = agent(tmp_path, cloud, BUILD_NUMBER="14")
    del env["JIRA_CLIENT_ID"]
    assert wrapped(repo, env, "true").returncode == 0
    result = wrapped(repo, env, "sh", "-c", "exit 5")
    assert result.returncode == 5
    assert "JIRA_CLIENT_ID" in result.stderr  # jira-ci said what is missing
    assert cloud.bodies("/jira/builds/0.1/") == []


def test_sigterm_reaches_the_build_is_reported_cancelled_and_exits_143(tmp_path, cloud):
    repo, env = agent(tmp_path, cloud, BUILD_NUMBER="15")
    build = "trap 'kill $! 2>/dev/null; echo TERM > got; exit 143' TERM; : > started; sleep 30 & wait"
    with open(tmp_path / "out", "w") as out:
        process = subprocess.Popen([str(SCRIPT), "sh", "-c", build], cwd=repo.path, env=env, stdout=out, stderr=out)
        deadline = time.monotonic() + 20
        while not (repo.path / "started").exists():
            assert process.poll() is None and time.monotonic() < deadline, (tmp_path / "out").read_text()
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGTERM)  # the wrapper only, as an agent stopping its step does
        assert process.wait(timeout=30) == 143, (tmp_path / "out").read_text()
    assert (repo.path / "got").read_text() == "TERM\n"
    assert build_states(cloud, 15) == ["in_progress", "cancelled"]
