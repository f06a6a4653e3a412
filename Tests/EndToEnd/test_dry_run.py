"""`jira-ci build --dry-run` and `deploy --dry-run`: the exact payloads, every one checked against Atlassian's
published schema and the API's rules (assert_valid_requests)."""
import json

from conftest import (ROOT, Repo, assert_valid_requests, build_keys, is_environment_id_of, is_path_safe_id_of, make_shop,
                      run)
from test_keys import assert_one_line_error

API = "https://api.atlassian.com"


def shop(tmp_path, remote="https://x-access-token:s3cr3t@github.com/acme/shop.git"):
    """The sample repository, its remote URL carrying a token that must never be shown."""
    return make_shop(tmp_path, remote)


def dry(repo, *args, env=None):
    """A JSON dry run; when it succeeds, every body it shows must be one Jira accepts."""
    result = run(*args, "--dry-run", "--json", "--repo", str(repo.path), env=env)
    if result.code == 0:
        assert_valid_requests(result.json)
    return result


def test_build_dry_run_json_is_the_exact_bulk_request(tmp_path):
    repo = shop(tmp_path)
    result = dry(repo, "build", "--state", "SUCCESS", "--since", repo.base, "--build-number", "42",
                 "--build-url", "https://ci.example.com/job/shop/42/", "--pipeline-name", "shop-ci",
                 "--tests", "10,8,1,1", "--label", "v1.4.2")
    assert result.code == 0, result
    data = result.json
    assert data["dryRun"] is True
    [request] = data["requests"]
    assert request["method"] == "POST"
    assert request["url"] == f"{API}/jira/builds/0.1/cloud/{{cloudId}}/bulk"
    body = request["body"]
    [build] = body["builds"]
    assert build_keys(build) == ["SHOP-1", "SHOP-2"]
    assert build["state"] == "successful"
    assert build["buildNumber"] == 42
    assert is_path_safe_id_of(build["pipelineId"], "github.com/acme/shop#shop-ci")
    assert build["displayName"] == "shop-ci #42"
    assert build["testInfo"] == {"totalNumber": 10, "numberPassed": 8, "numberFailed": 1, "numberSkipped": 1}
    assert build["label"] == "v1.4.2"
    head = repo.git("rev-parse", "HEAD")
    assert build["references"] == [{"commit": {"id": head, "repositoryUri": "https://github.com/acme/shop"},
                                    "ref": {"name": "feature/SHOP-1-cart",
                                            "uri": "https://github.com/acme/shop/tree/feature/SHOP-1-cart"}}]
    assert "s3cr3t" not in result.out + result.err


def test_cloud_id_goes_into_the_url(tmp_path):
    repo = shop(tmp_path)
    result = dry(repo, "build", "--state", "failed", "--cloud-id", "abc-123")
    assert result.json["requests"][0]["url"] == f"{API}/jira/builds/0.1/cloud/abc-123/bulk"
    env_result = dry(repo, "build", env={"JIRA_CLOUD_ID": "c-9", "JIRA_CI_STATE": "passed"})
    assert env_result.json["requests"][0]["url"] == f"{API}/jira/builds/0.1/cloud/c-9/bulk"


def test_pipeline_id_is_stable_across_clone_protocols_and_runs(tmp_path):
    https = shop(tmp_path / "a", remote="https://github.com/acme/shop.git")
    ssh = shop(tmp_path / "b", remote="git@github.com:acme/shop.git")
    ids = {dry(r, "build", "--state", "passed").json["requests"][0]["body"]["builds"][0]["pipelineId"]
           for r in (https, ssh, https)}
    [pipeline_id] = ids
    assert is_path_safe_id_of(pipeline_id, "github.com/acme/shop")


def test_update_sequence_numbers_increase_and_can_be_overridden(tmp_path):
    repo = shop(tmp_path)
    first = dry(repo, "build", "--state", "in_progress").json["requests"][0]["body"]["builds"][0]
    second = dry(repo, "build", "--state", "passed").json["requests"][0]["body"]["builds"][0]
    assert second["updateSequenceNumber"] > first["updateSequenceNumber"]
    fixed = dry(repo, "build", "--state", "passed", "--update-sequence-number", "7")
    assert fixed.json["requests"][0]["body"]["builds"][0]["updateSequenceNumber"] == 7


def test_junit_reports_are_summed_into_test_info(tmp_path):
    repo = shop(tmp_path)
    a = tmp_path / "a.xml"
    a.write_text('<testsuite><testcase name="x"/><testcase name="y"><failure/></testcase></testsuite>')
    b = tmp_path / "b.xml"
    b.write_text('<testsuites><testsuite><testcase name="z"><skipped/></testcase></testsuite></testsuites>')
    result = dry(repo, "build", "--state", "failed", "--junit", str(a), "--junit", str(b))
    build = result.json["requests"][0]["body"]["builds"][0]
    assert build["testInfo"] == {"totalNumber": 3, "numberPassed": 1, "numberFailed": 1, "numberSkipped": 1}


def test_long_text_is_shortened_not_rejected(tmp_path):
    repo = shop(tmp_path)
    long = "ü" * 400
    result = dry(repo, "build", "--state", "passed", "--pipeline-name", long, "--description", long, "--label", long)
    build = result.json["requests"][0]["body"]["builds"][0]
    assert len(build["displayName"]) == 255 and len(build["description"]) == 255
    assert "shortened" in result.err


def test_deploy_dry_run_uses_associations_and_stable_environment(tmp_path):
    repo = shop(tmp_path)
    result = dry(repo, "deploy", "--state", "success", "--environment", "Production EU", "--build-number", "7",
                 "--build-url", "https://ci.example.com/7", "--label", "1.2.3")
    assert result.code == 0, result
    [request] = result.json["requests"]
    assert request["url"] == f"{API}/jira/deployments/0.1/cloud/{{cloudId}}/bulk"
    body = request["body"]
    [deployment] = body["deployments"]
    assert deployment["associations"] == [{"associationType": "issueIdOrKeys", "values": ["SHOP-1", "SHOP-2"]}]
    environment = dict(deployment["environment"])
    assert is_environment_id_of(environment.pop("id"), "Production EU")
    assert environment == {"displayName": "Production EU", "type": "production"}
    assert deployment["deploymentSequenceNumber"] == 7
    assert deployment["pipeline"]["url"] == "https://ci.example.com/7"
    again = dry(repo, "deploy", "--state", "success", "--environment", "Production EU", "--build-number", "8")
    assert again.json["requests"][0]["body"]["deployments"][0]["environment"]["id"] == deployment["environment"]["id"]  # stable


def test_environment_type_inference_map_and_override(tmp_path):
    repo = shop(tmp_path)

    def env_type(*args, env=None):
        return dry(repo, "deploy", "--state", "passed", *args, env=env).json["requests"][0]["body"]["deployments"][0]["environment"]["type"]

    assert env_type("--environment", "uat-2") == "testing"
    assert env_type("--environment", "eu-west") == "unmapped"
    assert env_type("--environment", "eu-west", "--environment-map", "eu-*=production") == "production"
    assert env_type("--environment", "qa", env={"JIRA_CI_ENVIRONMENT_TYPE": "staging"}) == "staging"
    assert env_type("--environment", "Live") == "production"


def test_rolled_back_is_a_deployment_state_only(tmp_path):
    repo = shop(tmp_path)
    ok = dry(repo, "deploy", "--state", "rollback", "--environment", "prod")
    assert ok.json["requests"][0]["body"]["deployments"][0]["state"] == "rolled_back"
    assert_one_line_error(dry(repo, "build", "--state", "rollback"), 2, "--state", "'rollback'", "successful")


def test_no_keys_sends_nothing_and_require_keys_exits_7(tmp_path):
    repo = Repo(tmp_path / "plain")
    repo.commit("no keys")
    result = dry(repo, "build", "--state", "passed")
    assert result.code == 0
    assert result.json == {"dryRun": True, "requests": []}
    assert "no issue keys found" in result.err
    assert dry(repo, "build", "--state", "passed", "--require-keys").code == 7
    assert dry(repo, "build", "--state", "passed", env={"JIRA_CI_REQUIRE_KEYS": "1"}).code == 7


def test_human_output_shows_target_keys_request_and_body(tmp_path):
    repo = shop(tmp_path)
    result = run("build", "--dry-run", "--state", "passed", "--repo", str(repo.path), "--jira-url", "https://acme.atlassian.net")
    assert result.code == 0, result
    out = result.out
    assert "Dry run: nothing was sent." in out
    assert "Jira Cloud" in out and "https://acme.atlassian.net" in out
    assert "SHOP-1" in out and "branch" in out
    assert f"POST {API}/jira/builds/0.1/cloud/{{cloudId}}/bulk" in out
    body = out[out.index("\n{") + 1:]
    assert build_keys(json.loads(body)["builds"][0]) == ["SHOP-1", "SHOP-2"]


def test_works_on_this_repository_itself():
    result = run("build", "--dry-run", "--state", "passed", "--issue", "JCI-1", "--repo", str(ROOT))
    assert result.code == 0, result
    assert "JCI-1" in result.out


def test_bad_build_and_deploy_input(tmp_path):
    repo = shop(tmp_path)
    assert_one_line_error(dry(repo, "build"), 2, "--state", "JIRA_CI_STATE")
    assert_one_line_error(dry(repo, "build", "--state", "green"), 2, "'green'", "success")
    assert_one_line_error(dry(repo, "build", "--state", "passed", "--tests", "1,2"), 2, "--tests", "TOTAL,PASSED,FAILED")
    assert_one_line_error(dry(repo, "build", "--state", "passed", "--tests", "5,4,3"), 2, "--tests")
    # A report is not lost to a side problem: an unreadable JUnit file costs only the test figures.
    missing = dry(repo, "build", "--state", "passed", "--junit", str(tmp_path / "missing.xml"))
    assert missing.code == 0, missing
    assert "testInfo" not in missing.json["requests"][0]["body"]["builds"][0]
    assert "missing.xml" in missing.err and "without them" in missing.err
    not_junit = tmp_path / "page.html"
    not_junit.write_text("<html></html>")
    html = dry(repo, "build", "--state", "passed", "--junit", str(not_junit))
    assert html.code == 0 and "not a JUnit XML report" in html.err
    assert_one_line_error(dry(repo, "deploy", "--state", "passed"), 2, "--environment")
    assert_one_line_error(dry(repo, "deploy", "--state", "passed", "--environment", "x", "--environment-type", "prod"), 2,
                          "--environment-type", "production")
    assert_one_line_error(dry(repo, "deploy", "--state", "passed", "--environment", "x", "--environment-map", "x=bogus"), 2,
                          "--environment-map")
    assert_one_line_error(dry(repo, "build", "--state", "passed", "--flavor", "onprem"), 2, "--flavor", "cloud or server")
    assert_one_line_error(dry(repo, "build", "--state", "passed", "--jira-url", "acme"), 2, "--jira-url")


def test_real_report_without_any_url_is_a_usage_error(tmp_path):
    repo = Repo(tmp_path / "noremote")
    repo.commit("NR-1 change")
    env = {"JIRA_CLIENT_ID": "id", "JIRA_CLIENT_SECRET": "not-used-secret", "JIRA_CI_API_URL": "http://127.0.0.1:9"}
    result = run("build", "--state", "passed", "--repo", str(repo.path), "--cloud-id", "x", env=env)
    assert_one_line_error(result, 2, "--build-url")


def test_under_jenkins_a_null_result_reports_the_right_build_in_progress(tmp_path):
    repo = shop(tmp_path)
    jenkins = {"JENKINS_URL": "https://ci.example.com/", "JOB_NAME": "shop/feature", "BUILD_NUMBER": "77",
               "BUILD_URL": "https://ci.example.com/job/shop/77/", "GIT_PREVIOUS_SUCCESSFUL_COMMIT": repo.base,
               "GIT_BRANCH": "origin/feature/SHOP-1-cart"}
    result = run("build", "--dry-run", "--json", "--state", "", "--repo", str(repo.path), env=jenkins)
    assert result.code == 0, result
    assert_valid_requests(result.json)
    build = result.json["requests"][0]["body"]["builds"][0]
    assert build["state"] == "in_progress"
    assert build["buildNumber"] == 77 and build["url"] == "https://ci.example.com/job/shop/77/"
    assert is_path_safe_id_of(build["pipelineId"], "github.com/acme/shop#shop/feature")
    explicit = run("build", "--dry-run", "--json", "--state", "SUCCESS", "--repo", str(repo.path),
                   env={**jenkins, "JIRA_CI_BUILD_NUMBER": "5"})
    assert explicit.json["requests"][0]["body"]["builds"][0]["buildNumber"] == 5
    shown = run("env", env=jenkins)
    assert "CI: Jenkins" in shown.out and "Jenkins ($BUILD_NUMBER)" in shown.out


def test_first_build_of_a_new_branch_scans_what_the_default_branch_lacks(tmp_path):
    repo = Repo(tmp_path / "ci")
    repo.commit("OLD-1 on main")
    repo.git("checkout", "-q", "-b", "feature/x")
    repo.commit("NEW-1 first")
    repo.commit("NEW-2 second")
    jenkins = {"JENKINS_URL": "https://ci/", "BUILD_NUMBER": "1", "BUILD_URL": "https://ci/1", "JOB_NAME": "shop"}
    result = run("keys", "--repo", str(repo.path), env=jenkins)
    assert result.out.split() == ["NEW-2", "NEW-1"], result
    bounded = run("keys", "--repo", str(repo.path), "--max-commits", "1", env=jenkins)
    assert bounded.out.split() == ["NEW-2"]
    repo.git("checkout", "-q", "main")
    on_main = run("keys", "--repo", str(repo.path), env=jenkins)
    assert on_main.out.split() == ["OLD-1"]
    outside_ci = run("keys", "--repo", str(repo.path), "--commit", "feature/x")
    assert outside_ci.out.split() == ["NEW-2"]
