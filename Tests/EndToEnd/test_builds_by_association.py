"""Issue 21, part C: builds name their issues in an `issueIdOrKeys` association, as Atlassian's current Builds API
(1001.0.0) asks, never in the deprecated issueKeys field. A Jira from before associations (the fake's
builds_by_association = False) refuses the field with a 400 naming it: jira-ci then sends builds with issueKeys (the
first 100 keys) for the rest of the run, with a warning. Reports queued in either shape are delivered, and Jira
Server links every key whichever field holds it."""
import json

from conftest import build_keys, make_shop, run
from fake_jira_server import PAT
from test_nothing_lost import FORMAT_1, place
from test_outbox import BUILDS_BULK, clone, flush, jira, queue_build, summary, the_build, waiting
from test_payloads import warnings
from test_server import server  # noqa: F401  (a fixture)


def builds_sent(cloud):
    """Every build of every builds request the fake received, request by request."""
    return [body["builds"] for body in cloud.bodies(BUILDS_BULK)]


def about_associations(result):
    return [w for w in warnings(result) if "associations" in w]


def test_an_older_jira_gets_the_first_100_keys_in_issue_keys_with_a_warning(cloud, tmp_path):
    shop = make_shop(tmp_path, branch=None, change=None)
    keys = [f"KK-{i}" for i in range(1, 131)]
    shop.commit(" ".join(keys))
    cloud.builds_by_association = False
    result = jira(cloud, shop, "build", "--state", "successful", "--since", shop.base, "--build-number", "7",
                  "--build-url", "https://ci.example.com/shop/7")
    assert result.code == 0, result
    [[by_association], [by_issue_keys]] = builds_sent(cloud)
    assert build_keys(by_association) == keys
    assert by_issue_keys["issueKeys"] == keys[:100] and "associations" not in by_issue_keys
    assert {k: v for k, v in by_issue_keys.items() if k != "issueKeys"} == \
        {k: v for k, v in by_association.items() if k != "associations"}       # the same build, sequence number included
    [stored] = cloud.builds.values()
    assert stored["issueKeys"] == keys[:100]
    [switched] = about_associations(result)
    assert "HTTP 400" in switched and "Unrecognized field" in switched and "issueKeys" in switched, result
    [left_out] = [w for w in warnings(result) if "left out" in w]
    assert "at most 100" in left_out and "30 left out: KK-101, KK-102" in left_out, result
    # The accepted line names what Jira took, not the 30 keys it never got.
    [accepted] = [line for line in result.out.splitlines() if line.startswith("Jira accepted")]
    assert "KK-100" in accepted and "KK-101" not in accepted, accepted


def test_an_older_jira_is_asked_once_a_run_and_takes_reports_queued_in_either_shape(cloud, tmp_path):
    """121 queued builds (two requests' worth): one queued by jira-ci 0.1 with issueKeys, sent as it was queued, and
    120 by association. The first request's 400 switches the run to issueKeys; the second goes that way at once."""
    shop = make_shop(tmp_path)
    old = place(FORMAT_1 / "build.json", cloud, "00000000000000001-00000001.json")
    cloud.go_down()
    first = queue_build(cloud, shop, 1000)                                     # the fixture's is build 7
    for number in range(1001, 1120):
        clone(first, number, first.name.replace(".json", f"-{number}.json"))
    cloud.come_back()
    cloud.builds_by_association = False
    result = flush(cloud, shop)
    assert result.code == 0 and summary(result) == "delivered 121, rejected 0, waiting 0", result
    refused, *taken = builds_sent(cloud)
    assert len(refused) == 100 and any("associations" in build for build in refused)
    assert [len(builds) for builds in taken] == [100, 21]                      # no second 400
    sent = [build for builds in taken for build in builds]
    assert all("associations" not in build and build["issueKeys"] for build in sent)
    assert old["entity"]["build"] in sent                                      # unchanged
    assert len(cloud.builds) == 121 and len(about_associations(result)) == 1, result
    assert not waiting()


def test_a_build_queued_by_association_is_written_in_format_3_and_sent_as_queued(cloud, shop):
    """jira-ci 0.2 reads outbox formats up to 2 and would misread a build without issueKeys: such a file says 3."""
    cloud.go_down()
    path = queue_build(cloud, shop, 5)
    report = json.loads(path.read_text())
    assert report["format"] == 3 and build_keys(the_build(report)) == ["SHOP-1", "SHOP-2"]
    cloud.come_back()
    result = flush(cloud, shop)
    assert result.code == 0 and summary(result) == "delivered 1, rejected 0, waiting 0", result
    [[sent]] = builds_sent(cloud)
    assert sent == the_build(report)


def test_unknown_associations_in_jiras_answer_are_shown_for_a_build(cloud, shop):
    cloud.unknown_as_associations = True
    cloud.known_keys = {"SHOP-1"}
    text, as_json = [jira(cloud, shop, "build", "--state", "successful", "--build-number", str(number),
                          "--build-url", f"https://ci.example.com/shop/{number}", *args)
                     for number, args in ((1, ()), (2, ("--json",)))]
    assert text.code == 0 and as_json.code == 0, (text, as_json)
    unknown = {"associationType": "issueIdOrKeys", "values": ["SHOP-2"]}
    assert json.loads(as_json.out)["unknownAssociations"] == [unknown]
    assert f"Unknown associations: {json.dumps(unknown, separators=(',', ':'), sort_keys=True)}" in text.out, text


def test_jira_server_links_every_key_whichever_field_holds_it(server, tmp_path):
    shop = make_shop(tmp_path)
    env = {"JIRA_URL": server.url, "JIRA_PAT": PAT}
    server.go_down()
    queued = run("build", "--state", "successful", "--build-number", "7", "--build-url", "https://ci.example.com/7",
                 "--retries", "0", "--repo", str(shop.path), env=env)
    assert queued.code == 5, queued
    [by_association] = waiting()
    report = json.loads(by_association.read_text())
    keys = build_keys(the_build(report))
    # The same build as jira-ci 0.2 queued it: its keys in issueKeys, format 2.
    legacy = clone(by_association, 8, by_association.name.replace(".json", "-legacy.json"), issueKeys=keys)
    report = json.loads(legacy.read_text())
    del the_build(report)["associations"]
    report["format"] = 2
    legacy.write_text(json.dumps(report))
    server.come_back()
    result = run("flush", env=env)
    assert result.code == 0 and summary(result) == "delivered 2, rejected 0, waiting 0", result
    for key in ("SHOP-1", "SHOP-2"):
        titles = sorted(link["object"]["title"] for link in server.links[key])
        assert [title.split(" of ")[0] for title in titles] == ["Build 7", "Build 8"], titles
