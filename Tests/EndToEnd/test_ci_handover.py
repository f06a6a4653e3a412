"""What CIs hand over as they hand it over (issue 19): Buildkite's outcome words and exit statuses as the state, a
CI's build number that is text, and a deployment's range since the last release tag (`--since-tag`)."""
import subprocess

import pytest

from conftest import GITHUB, Repo, assert_valid_requests, clean_env, run, run_parallel

WARNING = "jira-ci: warning: "
ERROR = "jira-ci: error: "

HANDED_OVER = [
    # Buildkite: `buildkite-agent step get outcome` and the build states
    ("passed", "successful"), ("hard_failed", "failed"), ("soft_failed", "failed"), ("errored", "failed"),
    ("canceled", "cancelled"), ("canceling", "cancelled"), ("blocked", "pending"), ("scheduled", "pending"),
    ("neutral", "unknown"), ("not_run", "unknown"), ("running", "in_progress"), ("failing", "in_progress"),
    # An exit status ($BITBUCKET_EXIT_CODE, $?)
    ("0", "successful"), ("1", "failed"), ("2", "failed"), ("255", "failed"), ("137", "failed"),
]


def test_buildkite_outcomes_and_exit_statuses_are_states(shop):
    results = run_parallel([(("build", "--dry-run", "--json", "--state", word, "--repo", str(shop.path)), {})
                            for word, _ in HANDED_OVER])
    for (word, expected), result in zip(HANDED_OVER, results):
        assert result.code == 0, (word, result)
        assert_valid_requests(result.json)
        assert result.json["requests"][0]["body"]["builds"][0]["state"] == expected, word


def test_an_exit_status_works_through_the_variable_and_for_deployments(shop):
    failed, succeeded = run_parallel([
        (("deploy", "--dry-run", "--json", "--environment", "production", "--repo", str(shop.path)),
         {"env": {"JIRA_CI_STATE": "3"}}),
        (("deploy", "--dry-run", "--json", "--environment", "production", "--repo", str(shop.path)),
         {"env": {"JIRA_CI_STATE": "0"}}),
    ])
    assert failed.json["requests"][0]["body"]["deployments"][0]["state"] == "failed", failed
    assert succeeded.json["requests"][0]["body"]["deployments"][0]["state"] == "successful", succeeded


def test_a_state_that_is_neither_word_nor_status_is_refused(shop):
    for word in ("1.5", "0x1", "-"):
        result = run("build", "--dry-run", "--state", word, "--repo", str(shop.path))
        assert result.code == 2, (word, result)
        assert result.err.startswith(ERROR) and "exit status" in result.err


TEAMCITY = {"TEAMCITY_VERSION": "2024.12", "TEAMCITY_BUILDCONF_NAME": "shop", "BUILD_NUMBER": "1.4.2-rc"}


def test_a_text_build_number_from_the_ci_is_a_warning_and_the_derived_number_is_used(shop):
    result = run("build", "--dry-run", "--json", "--state", "success", "--soft-fail", "--repo", str(shop.path),
                 env=TEAMCITY)
    assert result.code == 0, result
    [warning] = [line for line in result.err.splitlines() if line.startswith(WARNING) and "BUILD_NUMBER" in line]
    assert "TeamCity's BUILD_NUMBER '1.4.2-rc' is no number" in warning
    derived = run("build", "--dry-run", "--json", "--state", "success", "--repo", str(shop.path))
    number = result.json["requests"][0]["body"]["builds"][0]["buildNumber"]
    assert number == derived.json["requests"][0]["body"]["builds"][0]["buildNumber"]
    # The same from Jenkins (whose numbers are numbers, unless a plugin renames them): also a warning, not exit 2.
    jenkins = run("build", "--dry-run", "--state", "success", "--repo", str(shop.path),
                  env={"JENKINS_URL": "https://ci/", "JOB_NAME": "shop", "BUILD_NUMBER": "-4"})
    assert jenkins.code == 0 and "Jenkins's BUILD_NUMBER '-4' is no number" in jenkins.err, jenkins


def test_a_build_number_the_user_typed_that_is_no_number_stays_a_usage_error(shop):
    typed = run("build", "--dry-run", "--state", "success", "--build-number", "1.4.2-rc", "--soft-fail",
                "--repo", str(shop.path), env=TEAMCITY)
    assert typed.code == 2 and "--build-number" in typed.err, typed
    variable = run("build", "--dry-run", "--state", "success", "--soft-fail", "--repo", str(shop.path),
                   env={**TEAMCITY, "JIRA_CI_BUILD_NUMBER": "1.4.2-rc"})
    assert variable.code == 2 and "JIRA_CI_BUILD_NUMBER" in variable.err, variable
    # A numeric CI number is used as it is, without a warning.
    numeric = run("build", "--dry-run", "--json", "--state", "success", "--repo", str(shop.path),
                  env={**TEAMCITY, "BUILD_NUMBER": "42"})
    assert numeric.json["requests"][0]["body"]["builds"][0]["buildNumber"] == 42
    assert "BUILD_NUMBER" not in numeric.err


@pytest.fixture
def releases(tmp_path):
    """main: v1.3 (lightweight) .. SHOP-1 .. v1.4 (annotated) .. SHOP-2 with rc-1.5 .. SHOP-3 with v1.5 at the
    tip, one day apart each, and a side branch whose newer tag v9.0 is not reachable from main."""
    repo = Repo(tmp_path / "shop")
    repo.git("remote", "add", "origin", GITHUB)

    def on_day(day, *args):
        date = f"2026-11-{day:02d}T12:00:00Z"
        subprocess.run(["git", "-C", str(repo.path), *args], check=True, capture_output=True,
                       env=clean_env({"GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date}))

    for day, message, tag in [(1, "SHOP-9 ancient", ["v1.3"]), (2, "SHOP-1 login", ["-a", "v1.4", "-m", "release 1.4"]),
                              (3, "SHOP-2 cart", ["rc-1.5"]), (4, "SHOP-3 checkout", ["v1.5"])]:
        on_day(day, "commit", "-q", "--allow-empty", "-m", message)
        on_day(day, "tag", *tag)
    repo.git("checkout", "-q", "-b", "side", "v1.3")
    on_day(20, "commit", "-q", "--allow-empty", "-m", "SHOP-7 side work")
    on_day(20, "tag", "v9.0")
    repo.git("checkout", "-q", "main")
    return repo


def test_since_tag_carries_every_key_since_the_previous_release(releases):
    keys = run("keys", "--since-tag", "v*", "--repo", str(releases.path))
    assert keys.code == 0, keys
    # v1.5 is the built commit itself, so the range starts at v1.4; v9.0 is newer but on another branch.
    assert keys.out.split() == ["SHOP-3", "SHOP-2"]
    assert run("keys", "--since-tag", "rc-*", "--repo", str(releases.path)).out.split() == ["SHOP-3"]
    wider = run("keys", "--since-tag", "*", "--repo", str(releases.path))
    assert wider.out.split() == ["SHOP-3"], wider  # rc-1.5 is the newest tag before v1.5


def test_since_tag_in_a_deployment_dry_run_and_in_env(releases):
    deploy = run("deploy", "--dry-run", "--environment", "production", "--state", "successful",
                 "--since-tag", "v*", "--repo", str(releases.path))
    assert deploy.code == 0, deploy
    v14 = releases.git("rev-parse", "v1.4^{commit}")
    assert f"since tag v1.4 ({v14[:12]})" in deploy.out
    as_json = run("deploy", "--dry-run", "--json", "--environment", "production", "--state", "successful",
                  "--repo", str(releases.path), env={"JIRA_CI_SINCE_TAG": "v*"})
    assert_valid_requests(as_json.json)
    [deployment] = as_json.json["requests"][0]["body"]["deployments"]
    [issues] = [a for a in deployment["associations"] if a["associationType"] == "issueIdOrKeys"]
    assert issues["values"] == ["SHOP-3", "SHOP-2"]
    env = run("env", env={"JIRA_CI_SINCE_TAG": "v*", "JIRA_CI_REPO": str(releases.path)})
    assert f"since tag: v1.4 ({v14[:12]})" in env.out, env


def test_since_tag_wins_over_the_cis_previous_commit_but_conflicts_with_since(releases):
    jenkins = {"JENKINS_URL": "https://ci/", "JOB_NAME": "shop", "BUILD_NUMBER": "5",
               "GIT_PREVIOUS_SUCCESSFUL_COMMIT": releases.git("rev-parse", "HEAD~1")}
    detected = run("keys", "--since-tag", "v*", "--repo", str(releases.path), env=jenkins)
    assert detected.out.split() == ["SHOP-3", "SHOP-2"], detected
    both = run("keys", "--since-tag", "v*", "--since", "HEAD~1", "--repo", str(releases.path))
    assert both.code == 2 and both.err.count("\n") == 1, both
    assert "--since" in both.err and "--since-tag" in both.err


def test_since_tag_without_a_matching_or_reachable_tag(releases, tmp_path):
    # Even --soft-fail does not hide it: a typo in a setting is the user's to fix.
    typo = run("build", "--dry-run", "--state", "0", "--since-tag", "release-*", "--soft-fail", "--repo", str(releases.path))
    assert typo.code == 2 and typo.err.count("\n") == 1 and "release-*" in typo.err, typo
    assert "fetch the tags" in typo.err
    first = run("keys", "--since-tag", "v*", "--commit", "v1.3", "--repo", str(releases.path))
    assert first.code == 0 and first.out.split() == ["SHOP-9"], first
    assert WARNING + "no tag matching 'v*' is reachable" in first.err
    option = run("keys", "--since-tag", "--all", "--repo", str(releases.path))
    assert option.code == 2, option
    root = Repo(tmp_path / "new")
    root.commit("NEW-1 first")
    root.git("tag", "v0.1")
    alone = run("keys", "--since-tag", "v*", "--repo", str(root.path))
    assert alone.code == 0 and alone.out.split() == ["NEW-1"] and "is reachable" in alone.err, alone


def test_since_tag_bounds_development_information_too(releases):
    result = run("devinfo", "--dry-run", "--json", "--since-tag", "v*", "--repo", str(releases.path),
                 env={"JIRA_CI_REPOSITORY_URL": "https://git.example.com/acme/shop"})
    assert result.code == 0, result
    commits = [c["message"] for r in result.json["requests"][0]["body"]["repositories"] for c in r.get("commits", [])]
    assert sorted(commits) == ["SHOP-2 cart", "SHOP-3 checkout"]
