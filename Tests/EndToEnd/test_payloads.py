"""Issue 10: every payload jira-ci sends holds up against Atlassian's published schema and the API's documented
rules, also at the edges: more keys than Jira takes, text at the length limit in any script, ids that go into URL
paths, links that must lead somewhere, build numbers without a CI, TeamCity's text build numbers, gating, and
Jira Server's remote links. Each test runs the binary as a user would; every `--dry-run --json` body it shows is
checked with assert_valid_requests."""
import re
import time

import pytest

from conftest import Repo, assert_valid_requests, build_keys, is_path_safe_id_of, make_shop, run, run_parallel
from fake_jira_server import PAT, FakeJiraServer
from test_keys import assert_one_line_error

UNRESERVED = re.compile(r"[A-Za-z0-9._~-]{1,255}")


def dry_call(repo, *args, env=None):
    return (*args, "--dry-run", "--json", "--repo", str(repo.path)), {"env": env}


def checked(result):
    """A dry run's result; when it succeeded, every body it shows must be one Jira accepts."""
    if result.code == 0:
        assert_valid_requests(result.json)
    return result


def dry(repo, *args, env=None):
    """A JSON dry run in `repo`, its bodies checked."""
    call_args, kwargs = dry_call(repo, *args, env=env)
    return checked(run(*call_args, **kwargs))


def dry_all(calls):
    """Independent dry runs side by side, each checked: `calls` is a list of dry_call()s."""
    return [checked(result) for result in run_parallel(calls)]


def only_build(result):
    assert result.code == 0, result
    [request] = result.json["requests"]
    [build] = request["body"]["builds"]
    return build


def only_deployment(result):
    assert result.code == 0, result
    [request] = result.json["requests"]
    [deployment] = request["body"]["deployments"]
    return deployment


def warnings(result):
    return [line[len("jira-ci: warning: "):] for line in result.err.splitlines() if line.startswith("jira-ci: warning: ")]


def utf16_units(text):
    """Java's String.length(), which Jira counts with. A lone surrogate (half of a cut pair) cannot be encoded."""
    return len(text.encode("utf-16-le")) // 2


@pytest.fixture
def shop(tmp_path):
    """The sample repository with only `init` on main: each test makes its own branch."""
    return make_shop(tmp_path, branch=None, change=None)


# -- issue keys: at most 500 association values per build or deployment ------------------------------------------

def test_a_build_with_603_keys_sends_the_first_500_by_association_in_the_documented_order_and_says_the_rest(shop):
    shop.git("checkout", "-q", "-b", "feature/BR-2-checkout")
    shop.commit(" ".join(f"OLD-{i}" for i in range(1, 201)))
    shop.commit(" ".join(f"MID-{i}" for i in range(1, 201)))
    shop.commit(" ".join(f"NEW-{i}" for i in range(1, 201)))
    result = dry(shop, "build", "--state", "passed", "--since", shop.base, "--issue", "EX-1", "--pr-title", "PR-3: checkout")
    build = only_build(result)
    # explicit, branch, PR title, then the commits newest first: 3 + 600 keys, the first 500 of them sent
    expected = ["EX-1", "BR-2", "PR-3", *(f"NEW-{i}" for i in range(1, 201)), *(f"MID-{i}" for i in range(1, 201)),
                *(f"OLD-{i}" for i in range(1, 201))]
    assert build_keys(build) == expected[:500]
    [dropped] = [w for w in warnings(result) if "dropped" in w]
    assert "at most 500" in dropped and "103 more key(s)" in dropped, result
    assert "e.g. OLD-98, OLD-99, OLD-100" in dropped, result


def test_deployment_associations_keep_every_service_then_issue_keys_within_500_values(shop):
    shop.commit("\n".join(f"KK-{i}" for i in range(1, 500)))
    services = [f"svc-{i}" for i in range(1, 6)]
    result = dry(shop, "deploy", "--state", "successful", "--environment", "production", "--since", shop.base,
                 "--gate", *(arg for s in services for arg in ("--service", s)))
    deployment = only_deployment(result)
    values = {a["associationType"]: a["values"] for a in deployment["associations"]}
    assert sum(len(v) for v in values.values()) == 500
    assert values["serviceIdOrKeys"] == services          # dropping one would break gating
    assert values["issueIdOrKeys"] == [f"KK-{i}" for i in range(1, 496)]
    [dropped] = [w for w in warnings(result) if "association values" in w]
    assert "4 left out: KK-496, KK-497, KK-498, KK-499" in dropped, result


# -- text limits: UTF-16 units, shortened between characters, with a warning naming the field ---------------------

FAMILY = "\U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"   # one emoji sequence, 11 UTF-16 units
FLAG = "\U0001F1E9\U0001F1EA"                                              # 🇩🇪: two regional indicators, 4 units
GRIN = "\U0001F600"                                                        # 😀: a surrogate pair, 2 units


def test_text_longer_than_255_utf16_units_is_shortened_between_characters_with_a_warning_naming_the_field(shop):
    shop.commit("SHOP-1 change")
    combining = "x" * 252 + "e\u0301\u0323" + "z"                          # 256 units; e + two combining marks
    result = dry(shop, "deploy", "--state", "successful", "--build-number", "7",
                 "--description", "x" * 253 + GRIN + "y",                  # 256 units
                 "--label", "x" * 250 + FAMILY * 2,                        # 272 units
                 "--environment", combining,
                 "--pipeline-name", FLAG * 64)                             # 256 units, 128 code points
    deployment = only_deployment(result)
    shortened = {"description": deployment["description"], "label": deployment["label"],
                 "environment.displayName": deployment["environment"]["displayName"],
                 "pipeline.displayName": deployment["pipeline"]["displayName"],
                 "displayName": deployment["displayName"]}
    # Never half a surrogate pair, a combining sequence or an emoji sequence: the cut falls before it.
    assert shortened == {"description": "x" * 253 + "…", "label": "x" * 250 + "…",
                         "environment.displayName": "x" * 252 + "…", "pipeline.displayName": FLAG * 63 + "…",
                         "displayName": FLAG * 63 + "…"}
    for field, value in shortened.items():
        assert utf16_units(value) <= 255, field
        named = [w for w in warnings(result) if w.startswith(f"{field} was longer than the 255 UTF-16 units")]
        assert len(named) == 1 and "shortened" in named[0], (field, result)


def test_emoji_count_two_units_and_flags_four(shop):
    shop.commit("SHOP-1 change")
    # 128 code points each, but 256 UTF-16 units: Jira refuses them whole, so they must be shortened.
    over, fits = dry_all([
        dry_call(shop, "deploy", "--state", "successful", "--environment", "production",
                 "--description", GRIN * 128, "--label", FLAG * 64),
        # Exactly 255 units (128 and 66 code points) fit as they are, without a warning.
        dry_call(shop, "build", "--state", "successful", "--description", GRIN * 127 + "x", "--label", FLAG * 63 + "xxx")])
    deployment = only_deployment(over)
    assert deployment["description"] == GRIN * 127 + "…"
    assert deployment["label"] == FLAG * 63 + "…"
    assert {w.split(" ")[0] for w in warnings(over) if "UTF-16" in w} == {"description", "label"}, over
    build = only_build(fits)
    assert build["description"] == GRIN * 127 + "x" and build["label"] == FLAG * 63 + "xxx"
    assert not [w for w in warnings(fits) if "UTF-16" in w], fits


# -- a deployment of a service alone ---------------------------------------------------------------------------------

def test_a_gated_deployment_without_issue_keys_sends_the_service_association_alone(tmp_path, cloud):
    repo = Repo(tmp_path / "svc")
    repo.git("remote", "add", "origin", "https://github.com/acme/payments.git")
    repo.commit("bump dependencies")
    args = ("deploy", "--environment", "production", "--state", "successful", "--gate", "--service", "svc-1",
            "--build-number", "12")
    deployment = only_deployment(dry(repo, *args))
    assert deployment["associations"] == [{"associationType": "serviceIdOrKeys", "values": ["svc-1"]}]
    assert deployment["commands"] == [{"command": "initiate_deployment_gating"}]

    env = cloud.env()
    required = run(*args, "--require-keys", "--repo", str(repo.path), "--build-url", "https://ci.example.com/12", env=env)
    assert_one_line_error(required, 7, "--require-keys")
    assert cloud.count("/bulk") == 0

    sent = run(*args, "--repo", str(repo.path), "--build-url", "https://ci.example.com/12", env=env)
    assert sent.code == 0, sent
    assert "service svc-1" in sent.out
    [stored] = cloud.deployments.values()
    assert stored["associations"] == [{"associationType": "serviceIdOrKeys", "values": ["svc-1"]}]


# -- ids in URL paths -------------------------------------------------------------------------------------------------

def ids_of(result):
    deployment = only_deployment(result)
    return deployment["pipeline"]["id"], deployment["environment"]["id"]


def env_ids(shown):
    """The ids `jira-ci env` says reports use."""
    assert shown.code == 0, shown
    return dict(line.split(": ", 1) for line in shown.out.splitlines() if line.startswith(("pipeline id: ", "environment id: ")))


def test_pipeline_and_environment_ids_are_url_safe_stable_and_shown_by_env(shop):
    shop.commit("SHOP-1 change")
    derived = {"JIRA_CI_REPO": str(shop.path), "JIRA_CI_ENVIRONMENT": "Production EU (Frankfurt)"}
    # Ids given with other characters are made safe too: a readable slug and a hash of what it lost.
    given = {**derived, "JIRA_CI_PIPELINE_ID": "team a/shop#main", "JIRA_CI_ENVIRONMENT_ID": "eu/prod #1"}
    merged_by_slug = {**given, "JIRA_CI_PIPELINE_ID": "team-a/shop#main"}
    long_id = "monorepo/services/" + "payments & billing/" * 20
    long = {**given, "JIRA_CI_PIPELINE_ID": long_id}
    deploy = ("deploy", "--state", "successful")
    first, again, explicit, other, bounded = dry_all([dry_call(shop, *deploy, env=env)
                                                      for env in (derived, derived, given, merged_by_slug, long)])
    shown_derived, shown_given, gate = run_parallel([(("env",), {"env": derived}), (("env",), {"env": given}),
                                                     (("gate", "--dry-run", "--json", "--build-number", "3"), {"env": given})])

    pipeline, environment = ids_of(first)
    assert ids_of(again) == (pipeline, environment)                       # stable across runs
    assert is_path_safe_id_of(pipeline, "github.com/acme/shop")
    assert UNRESERVED.fullmatch(environment), environment
    assert env_ids(shown_derived) == {"pipeline id": pipeline, "environment id": environment}

    pipeline, environment = ids_of(explicit)
    assert is_path_safe_id_of(pipeline, "team a/shop#main") and is_path_safe_id_of(environment, "eu/prod #1")
    assert env_ids(shown_given) == {"pipeline id": pipeline, "environment id": environment}
    # The gate asks for the deployment under the very same ids, unescaped in the path.
    assert gate.code == 0, gate
    assert f"/pipelines/{pipeline}/environments/{environment}/deployments/3/gating-status" in gate.json["requests"][0]["url"]

    # Ids that differ only where the slug lost information stay apart; a long one is bounded.
    assert ids_of(other)[0] != pipeline
    long_pipeline = ids_of(bounded)[0]
    assert len(long_pipeline) <= 255 and is_path_safe_id_of(long_pipeline, long_id), long_pipeline


def test_an_environment_named_in_another_script_or_at_length_gets_a_url_safe_id(shop):
    shop.commit("SHOP-1 change")
    names = ("Продакшн", "prod " + "région européenne " * 20)
    for environment in (ids_of(r)[1] for r in dry_all([dry_call(shop, "deploy", "--state", "successful",
                                                                 "--environment", name) for name in names])):
        assert UNRESERVED.fullmatch(environment), environment


# -- links must lead somewhere ---------------------------------------------------------------------------------------

def test_links_must_be_absolute_http_urls_naming_the_flag_or_variable(shop):
    shop.commit("SHOP-1 change")
    deploy = ("deploy", "--state", "successful", "--environment", "staging")
    # A variable's refusal names its flag too; a flag's value is refused as the command line is read.
    bad = {"JIRA_CI_BUILD_URL": "ci.example.com/job/shop/42", "JIRA_CI_PIPELINE_URL": "ftp://ci.example.com/shop",
           "JIRA_CI_ENVIRONMENT_URL": "file:///srv/shop"}
    ok = ("--build-url", "http://ci.intranet:8080/job/shop/42/", "--pipeline-url", "https://ci.example.com/shop",
          "--environment-url", "https://staging.example.com")
    *refused, from_flag, accepted = dry_all(
        [dry_call(shop, *deploy, env={variable: value}) for variable, value in bad.items()]
        + [dry_call(shop, *deploy, "--build-url", "/job/shop/42"), dry_call(shop, *deploy, *ok)])
    for variable, result in zip(bad, refused):
        flag = "--" + variable[len("JIRA_CI_"):].lower().replace("_", "-")
        assert_one_line_error(result, 2, flag, variable)
    assert_one_line_error(from_flag, 2, "--build-url")
    deployment = only_deployment(accepted)
    assert deployment["url"] == "http://ci.intranet:8080/job/shop/42/"
    assert deployment["pipeline"]["url"] == "https://ci.example.com/shop"
    assert "https://staging.example.com" in deployment["description"]


def test_a_local_remote_gives_no_invented_web_address(tmp_path, cloud):
    remotes = ["file:///srv/git/shop.git", "/srv/git/shop.git", "../central/shop.git"]
    repos = []
    for index, remote in enumerate(remotes):
        repo = Repo(tmp_path / f"clone{index}" / "shop")
        repo.git("remote", "add", "origin", remote)
        repo.commit("SHOP-1 change")
        repos.append(repo)
    results = dry_all([dry_call(repo, "build", "--state", "successful", "--build-url", "https://ci.example.com/shop/42")
                       for repo in repos])
    for remote, result in zip(remotes, results):
        build = only_build(result)
        assert build["url"] == "https://ci.example.com/shop/42", remote
        assert "references" not in build, remote
        assert "srv" not in result.out and "central" not in result.out, result
    # A real report without --build-url has nothing to link to, and says so instead of inventing an address.
    refused = run("build", "--state", "successful", "--repo", str(repos[0].path), env=cloud.env())
    assert_one_line_error(refused, 2, "--build-url")
    assert cloud.count("/oauth/token") == 0 and cloud.count("/jira/") == 0  # (which Jira it is may have been asked)


# -- build numbers ---------------------------------------------------------------------------------------------------

def test_build_numbers_without_a_ci_number_follow_the_commit(cloud, shop):
    def number(*args):
        return only_build(dry(shop, "build", "--state", "successful", *args))["buildNumber"]

    shop.commit("SHOP-1 first")
    fork = shop.git("rev-parse", "HEAD")
    shop.commit("SHOP-1 second on main")
    on_main = number()
    shop.git("checkout", "-q", "-b", "feature/SHOP-2", fork)
    shop.commit("SHOP-2 second on the branch")                  # the same depth as main's second commit
    on_branch = number()
    assert on_branch != on_main
    shop.commit("SHOP-2 third")
    later = number()
    assert later > on_branch                                    # grows along the branch

    # The same commit gets the same number run after run: in_progress, then successful, is one build in Jira.
    env = cloud.env()
    for state in ("in_progress", "successful"):
        result = run("build", "--state", state, "--repo", str(shop.path), "--build-url", "https://ci.example.com/b", env=env)
        assert result.code == 0, result
    assert len(cloud.builds) == 1, cloud.builds
    [stored] = cloud.builds.values()
    assert stored["state"] == "successful" and stored["buildNumber"] == later


def test_gate_asks_for_the_deployment_deploy_sent_whatever_told_the_repository_and_branch(tmp_path):
    """No remote (a plain git server: the address comes from JIRA_CI_REPOSITORY_URL), no CI build number (the number
    comes from commit and branch): `gate` must find the same pipeline and number as the `deploy --gate` before it."""
    repo = make_shop(tmp_path, remote=None)
    env = {"JIRA_CI_REPOSITORY_URL": "https://git.example.com/acme/shop", "JIRA_CI_BRANCH": "release/2.0",
           "JIRA_CI_ENVIRONMENT": "production"}
    deploy = only_deployment(dry(repo, "deploy", "--state", "successful", "--gate", "--service", "svc-1", env=env))
    gate = run("gate", "--dry-run", "--json", "--repo", str(repo.path), env=env)
    assert gate.code == 0, gate
    path = (f"/pipelines/{deploy['pipeline']['id']}/environments/{deploy['environment']['id']}"
            f"/deployments/{deploy['deploymentSequenceNumber']}/gating-status")
    assert path in gate.json["requests"][0]["url"], (path, gate.json)
    assert is_path_safe_id_of(deploy["pipeline"]["id"], "git.example.com/acme/shop")


def test_teamcity_text_build_numbers_use_the_numeric_build_id(shop, tmp_path):
    shop.commit("SHOP-1 change")
    properties = tmp_path / "build.properties"
    properties.write_text("#TeamCity build properties\nteamcity.version=2024.03\nteamcity.build.id=4711\n")
    teamcity = {"TEAMCITY_VERSION": "2024.03 (build 149032)", "BUILD_NUMBER": "1.2-rc",
                "TEAMCITY_BUILD_PROPERTIES_FILE": str(properties), "TEAMCITY_BUILDCONF_NAME": "Shop"}
    build = only_build(dry(shop, "build", "--state", "successful", env=teamcity))
    assert build["buildNumber"] == 4711 and build["displayName"] == "Shop #4711"
    shown = run("env", env={**teamcity, "JIRA_CI_REPO": str(shop.path)})
    assert "CI: TeamCity" in shown.out and re.search(r"--build-number\s+4711\s", shown.out), shown


# -- gating ----------------------------------------------------------------------------------------------------------

def test_gate_for_a_deployment_jira_does_not_know_fails_at_once_saying_to_report_it_first(cloud, shop):
    shop.commit("SHOP-1 change")
    ids = ("--pipeline-id", "shop/deploy pipeline", "--environment", "Production EU", "--environment-id", "prod/eu")
    deployed = run("deploy", "--state", "pending", *ids, "--build-number", "9", "--build-url", "https://ci.example.com/9",
                   "--repo", str(shop.path), env=cloud.env())
    assert deployed.code == 0, deployed
    [(pipeline, environment, _)] = list(cloud.deployments)
    cloud.gating = [404]
    started = time.monotonic()
    result = run("gate", *ids, "--build-number", "9", "--wait", "10m", "--poll", "5s", "--repo", str(shop.path),
                 env=cloud.env())
    assert_one_line_error(result, 6, "deploy --gate")
    assert time.monotonic() - started < 5
    [path] = [r[1] for r in cloud.requests if r[1].endswith("gating-status")]
    assert f"/pipelines/{pipeline}/environments/{environment}/deployments/9/gating-status" in path


# -- Jira Server links -----------------------------------------------------------------------------------------------

def test_server_links_show_the_state_in_title_and_icon_and_are_never_struck_through(shop):
    from test_server import key
    private, public = key()
    server = FakeJiraServer(public)
    try:
        shop.commit("SHOP-1 change")
        env = {"JIRA_URL": server.url, "JIRA_PAT": PAT}
        icons = {"in_progress": "information", "failed": "error"}
        for state, icon in icons.items():
            result = run("build", "--state", state, "--build-number", "42", "--pipeline-name", "shop-api",
                         "--build-url", "https://ci.example.com/42", "--repo", str(shop.path), env=env)
            assert result.code == 0, result
            [link] = server.links["SHOP-1"]                      # one link, updated in place
            status = link["object"]["status"]
            assert link["object"]["title"] == f"Build 42 of shop-api: {state}"
            assert status["resolved"] is False
            assert status["icon"]["title"] == state
            assert status["icon"]["url16x16"] == f"{server.url}/images/icons/emoticons/{icon}.png"
        rolled = run("deploy", "--state", "rolled_back", "--environment", "production", "--build-number", "42",
                     "--build-url", "https://ci.example.com/42", "--repo", str(shop.path), env=env)
        assert rolled.code == 0, rolled
        [deployment] = [l for l in server.links["SHOP-1"] if l["relationship"] == "deployed by"]
        assert deployment["object"]["title"] == "Deployed to production: rolled_back"
        assert deployment["object"]["status"]["resolved"] is False
        assert deployment["object"]["status"]["icon"]["url16x16"].endswith("/warning.png")
    finally:
        server.close()
