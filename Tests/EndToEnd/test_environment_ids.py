"""Issue 21, part E: environment ids that never collide. Jira groups deployments by environment.id, so names that differ
in letter case alone are one environment and names that differ in anything else are two, and `jira-ci env`, a deploy
and a gate agree on the id."""
from conftest import is_environment_id_of, run
from test_cloud import jira
from test_payloads import env_ids

UNRESERVED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def deploy(cloud, shop, environment, state="successful", *args):
    result = jira(cloud, shop, "deploy", "--state", state, "--environment", environment, "--build-number", "9",
                  "--build-url", "https://ci.example.com/9", *args)
    assert result.code == 0, result
    return result


def environments(cloud):
    """Every environment id the fake Jira stored a deployment under."""
    return {environment for (_, environment, _) in cloud.deployments}


def test_names_that_slugged_alike_land_as_separate_environments(cloud, shop):
    names = ("prod/eu-west", "prod-eu/west", "prod-eu-west", "prod_eu", "prod-eu")
    for name in names:
        deploy(cloud, shop, name)
    ids = environments(cloud)
    assert len(ids) == len(names), ids
    for name in names:
        [stored] = [d for d in cloud.deployments.values() if d["environment"]["displayName"] == name]
        assert is_environment_id_of(stored["environment"]["id"], name), stored["environment"]
        assert set(stored["environment"]["id"]) <= UNRESERVED
    assert {"prod-eu-west", "prod-eu"} <= ids                                  # the usual names keep their ids


def test_names_differing_in_letter_case_alone_are_one_environment(cloud, shop):
    deploy(cloud, shop, "Production", "in_progress")
    deploy(cloud, shop, "production", "successful")
    deploy(cloud, shop, "PROD/EU West", "in_progress")
    deploy(cloud, shop, "prod/eu west", "successful")
    assert len(cloud.deployments) == 2 and environments(cloud) >= {"production"}, cloud.deployments
    assert {d["state"] for d in cloud.deployments.values()} == {"successful"}   # the later report updated the first


def test_env_shows_and_gate_asks_for_the_id_a_deploy_sends(cloud, shop):
    environment = {"JIRA_CI_ENVIRONMENT": "Prod/EU West"}
    deploy(cloud, shop, environment["JIRA_CI_ENVIRONMENT"], "pending", "--gate", "--service", "svc-1")
    [(pipeline, sent, number)] = list(cloud.deployments)
    assert is_environment_id_of(sent, "Prod/EU West"), sent
    shown = run("env", env={**environment, "JIRA_CI_REPO": str(shop.path)})
    assert env_ids(shown)["environment id"] == sent, shown
    cloud.gating = [{"gatingStatus": "allowed", "taskKey": "CHG-1", "updatedTimestamp": "2026-01-01T00:00:00Z",
                     "details": []}]
    gate = jira(cloud, shop, "gate", "--build-number", str(number), "--wait", "5s", env=environment)
    assert gate.code == 0, gate
    [path] = [r[1] for r in cloud.requests if r[1].endswith("gating-status")]
    assert path.endswith(f"/pipelines/{pipeline}/environments/{sent}/deployments/{number}/gating-status"), path
