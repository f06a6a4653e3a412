"""Nothing lost (issue 12): reports Jira cannot take now wait in the outbox and go with the next run, `jira-ci flush`
or a hook's background flush; what Jira refuses, and files that are not reports, move to rejected/ with a reason.

Every run here talks to the loopback fake Jira Cloud only; each test has its own XDG_STATE_HOME (conftest), so the
default outbox is conftest.outbox_dir()."""
import json
import re
import signal
import stat
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import assert_no_secrets, binary, build_keys, clean_env, outbox_dir, push, run
from fake_jira_cloud import CLIENT_ID, CLOUD_ID
from test_cloud import assert_queued, closed_port
from fake_jira_server import PAT
from test_hooks import hook_builds, hook_setup
from test_server import server  # noqa: F401  (a fixture)

BUILDS_BULK = f"/jira/builds/0.1/cloud/{CLOUD_ID}/bulk"
DEPLOYMENTS_BULK = f"/jira/deployments/0.1/cloud/{CLOUD_ID}/bulk"


# -- helpers ----------------------------------------------------------------------------------------------------------
def jira(fake, repo, *args, env=None, timeout=60):
    """jira-ci against the fake (cache beside the repository); no secret may reach stdout or stderr."""
    extra = fake.env(JIRA_CI_CACHE_DIR=str(repo.path.parent / "cache"))
    extra.update(env or {})
    result = run(*args, "--repo", str(repo.path), env=extra, timeout=timeout)
    assert_no_secrets(result, fake)
    return result


def build(fake, repo, number, *args, state="successful", env=None, **kwargs):
    return jira(fake, repo, "build", "--state", state, "--build-number", str(number),
                "--build-url", f"https://ci.example.com/shop/{number}", *args, env=env, **kwargs)


def queue_build(fake, repo, number, *args, state="successful", env=None):
    """Reports build `number` while Jira is down (the caller took it down): it must be queued. Returns its file."""
    before = set(waiting())
    result = build(fake, repo, number, "--retries", "0", *args, state=state, env=env)
    assert result.code == 5 and "queued in" in result.err, result
    [path] = set(waiting()) - before
    return path


def flush(fake, repo, *args, env=None, timeout=60):
    extra = fake.env(JIRA_CI_CACHE_DIR=str(repo.path.parent / "cache"))
    extra.update(env or {})
    result = run("flush", *args, env=extra, timeout=timeout)
    assert_no_secrets(result, fake)
    return result


def waiting(box=None):
    """The reports waiting in an outbox (the default one unless told), oldest first."""
    return sorted(Path(box or outbox_dir()).glob("*.json"))


def rejected(box=None):
    return sorted((Path(box or outbox_dir()) / "rejected").glob("*.json"))


def summary(result):
    lines = [line for line in result.out.splitlines() if line.startswith("delivered ")]
    assert len(lines) == 1, result
    return lines[0]


def sent_builds(fake, bodies=None):
    """(buildNumber, state) of every build the fake received, in order."""
    bodies = fake.bodies("/builds/0.1/") if bodies is None else bodies
    return [(b["buildNumber"], b["state"]) for body in bodies for b in body["builds"]]


def build_bodies(fake):
    return fake.bodies(BUILDS_BULK)


def find(value, name):
    """Every value of a field called `name` anywhere in a JSON document."""
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == name] + [x for v in value.values() for x in find(v, name)]
    if isinstance(value, list):
        return [x for v in value for x in find(v, name)]
    return []


def the_build(report):
    """The build object inside a queued report, wherever the file keeps it."""
    [found] = [d for d in _dicts(report) if "buildNumber" in d and "updateSequenceNumber" in d]
    return found


def _dicts(value):
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _dicts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _dicts(v)


def clone(path, number, name, **fields):
    """A copy of the queued report `path` as build `number` (and other build fields), saved as `name`."""
    report = json.loads(path.read_text())
    entity = the_build(report)
    entity["buildNumber"] = number
    entity["displayName"] = f"shop #{number}"
    entity.update(fields)
    target = path.parent / name
    target.write_text(json.dumps(report))
    target.chmod(0o600)
    return target


def assert_private_and_secret_free(fake, box=None):
    """Outbox folders 0700, its files 0600, waiting reports whole JSON, and no secret in any file of the outbox."""
    box = Path(box or outbox_dir())
    assert stat.S_IMODE(box.stat().st_mode) == 0o700, oct(box.stat().st_mode)
    for path in box.rglob("*"):
        if path.is_dir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
            continue
        text = path.read_text(errors="replace")
        for secret in fake.secrets():
            assert secret not in text, f"secret in {path}"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        if path.suffix == ".json" and path.parent == box:
            assert isinstance(json.loads(text), dict), path


def poll(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


# -- where the outbox is ----------------------------------------------------------------------------------------------
def test_outbox_flag_and_variable_choose_where_reports_wait(cloud, shop, tmp_path):
    cloud.go_down()
    by_flag, by_variable = tmp_path / "flag-box", tmp_path / "env-box"
    first = build(cloud, shop, 41, "--retries", "0", "--outbox", str(by_flag))
    assert_queued_in(first, by_flag, 1)
    second = build(cloud, shop, 42, "--retries", "0", env={"JIRA_CI_OUTBOX": str(by_variable)})
    assert_queued_in(second, by_variable, 1)
    assert waiting() == [] and len(waiting(by_flag)) == 1 and len(waiting(by_variable)) == 1

    cloud.come_back()
    from_flag = flush(cloud, shop, "--outbox", str(by_flag))
    assert from_flag.code == 0 and summary(from_flag) == "delivered 1, rejected 0, waiting 0", from_flag
    assert sent_builds(cloud) == [(41, "successful")]
    from_variable = flush(cloud, shop, env={"JIRA_CI_OUTBOX": str(by_variable)})
    assert from_variable.code == 0 and summary(from_variable) == "delivered 1, rejected 0, waiting 0", from_variable
    assert sent_builds(cloud) == [(41, "successful"), (42, "successful")]
    assert waiting(by_flag) == [] and waiting(by_variable) == []


def assert_queued_in(result, box, count):
    assert result.code == 5, result
    [line] = [line for line in result.err.splitlines() if "queued in" in line]
    assert f"queued in {box} ({count} waiting)" in line, result
    assert len(waiting(box)) == count


def test_an_empty_xdg_state_home_counts_as_unset_and_home_is_used(cloud, shop, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {"XDG_STATE_HOME": "", "HOME": str(home)}
    cloud.go_down()
    result = build(cloud, shop, 42, "--retries", "0", env=env)
    box = home / ".local" / "state" / "jira-ci" / "outbox"
    assert_queued_in(result, box, 1)
    assert not outbox_dir().exists()
    assert_private_and_secret_free(cloud, box)

    cloud.come_back()
    flushed = flush(cloud, shop, env=env)
    assert flushed.code == 0 and summary(flushed) == "delivered 1, rejected 0, waiting 0", flushed
    assert sent_builds(cloud) == [(42, "successful")]
    assert waiting(box) == []


def test_no_outbox_neither_queues_nor_delivers_what_waits(cloud, shop):
    cloud.go_down()
    lost = build(cloud, shop, 40, "--retries", "0", "--no-outbox")
    assert lost.code == 5, lost
    [line] = [line for line in lost.err.splitlines() if line.startswith("jira-ci: error:")]
    assert "could not be queued: --no-outbox (or JIRA_CI_NO_OUTBOX) is set" in line and "queued in" not in lost.err, lost
    assert waiting() == []

    queued = queue_build(cloud, shop, 41)
    cloud.come_back()
    direct = build(cloud, shop, 42, env={"JIRA_CI_NO_OUTBOX": "1"})
    assert direct.code == 0, direct
    assert sent_builds(cloud) == [(42, "successful")]
    assert waiting() == [queued]
    no_flush = flush(cloud, shop, "--no-outbox")
    assert no_flush.code != 0, no_flush
    assert sent_builds(cloud) == [(42, "successful")] and waiting() == [queued]


# -- what is queued, and what is not -----------------------------------------------------------------------------------
def _refused(fake):
    fake.go_down()
    return ["--retries", "0"], "127.0.0.1", fake.come_back


def _timeout(fake):
    fake.hang("/bulk")
    return ["--retries", "0", "--timeout", "1"], "", lambda: None


def _server_errors(fake):
    for _ in range(3):
        fake.fault("/bulk", status=503)
    return ["--retries", "2"], "503", lambda: None


def _rate_limited(fake):
    for _ in range(2):
        fake.fault("/bulk", status=429, headers={"Retry-After": "0"})
    return ["--retries", "1"], "429", lambda: None


def _token_endpoint_unreachable(fake):
    for _ in range(10):
        fake.fault("/oauth/token", drop=True)

    def heal():
        with fake.lock:
            fake.faults.clear()
    return ["--retries", "1"], "", heal


@pytest.mark.parametrize("cause", [_refused, _timeout, _server_errors, _rate_limited, _token_endpoint_unreachable],
                         ids=["connection-refused", "timeout", "5xx", "429", "token-endpoint"])
def test_a_transient_failure_queues_the_whole_report_and_flush_delivers_it_unchanged(cloud, shop, cause):
    args, needle, heal = cause(cloud)
    result = build(cloud, shop, 42, *args)
    assert_queued(result, 1, *([needle] if needle else []))
    [line] = [line for line in result.err.splitlines() if "queued in" in line]
    assert line.endswith(f"; report queued in {outbox_dir()} (1 waiting); the next jira-ci run or 'jira-ci flush' sends it"), line
    if cause is _token_endpoint_unreachable:
        assert cloud.count("/oauth/token") >= 1 and cloud.count("/bulk") == 0
    assert_private_and_secret_free(cloud)
    [path] = waiting()
    text = path.read_text()
    report = json.loads(text)
    assert cloud.url in text, "the queued report does not name the Jira site"
    assert CLIENT_ID in text, "the queued report does not name the credential"
    queued_build = the_build(report)
    assert queued_build["buildNumber"] == 42 and queued_build["state"] == "successful"
    assert sorted(build_keys(queued_build)) == ["SHOP-1", "SHOP-2"]

    heal()
    before = len(build_bodies(cloud))
    flushed = flush(cloud, shop)
    assert flushed.code == 0, flushed
    assert summary(flushed) == "delivered 1, rejected 0, waiting 0"
    [body] = build_bodies(cloud)[before:]
    [sent] = body["builds"]
    assert sent == queued_build, "the delivered build differs from the one queued (updateSequenceNumber included)"
    assert cloud.build("github.com/acme/shop", 42)["updateSequenceNumber"] == queued_build["updateSequenceNumber"]
    assert waiting() == []


def test_soft_fail_queues_and_exits_0(cloud, shop):
    cloud.go_down()
    result = build(cloud, shop, 42, "--retries", "0", "--soft-fail")
    assert result.code == 0, result
    [line] = [line for line in result.err.splitlines() if "queued in" in line]
    assert line.startswith("jira-ci: warning: Jira unreachable (") and "(1 waiting)" in line, result
    assert len(waiting()) == 1


def test_a_report_that_can_be_neither_sent_nor_queued_is_one_line_saying_both(cloud, shop, tmp_path):
    cloud.go_down()
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    not_a_folder = a_file / "outbox"                           # cannot be made: its parent is a file
    for soft in ((), ("--soft-fail",)):
        result = build(cloud, shop, 42, "--retries", "0", "--outbox", str(not_a_folder), *soft)
        assert result.code == (0 if soft else 5), result
        [line] = result.err.strip().splitlines()
        assert "Jira unreachable (" in line and "could not be queued" in line and str(not_a_folder) in line, result


def _bad_request(fake):
    fake.fault("/bulk", status=400, body=json.dumps({"errors": [{"message": "pipelineId is bad"}]}).encode())
    return {}, 4


def _wrong_secret(fake):
    return {"JIRA_CLIENT_SECRET": "wrong-secret-value"}, 3


def _no_permission(fake):
    fake.permissions["builds"] = False
    return {}, 3


def _conflict(fake):
    fake.fault("/bulk", status=409, body=json.dumps({"errorMessages": ["no such pipeline state"]}).encode())
    return {}, 4


def _token_endpoint_not_found(fake):
    fake.fault("/oauth/token", status=404, body=b"Not Found")
    return {}, 2


@pytest.mark.parametrize("refusal", [_bad_request, _wrong_secret, _no_permission, _conflict, _token_endpoint_not_found],
                         ids=["400", "401", "403", "409", "token-404"])
def test_a_report_jira_refuses_outright_is_not_queued(cloud, shop, refusal):
    env, code = refusal(cloud)
    result = build(cloud, shop, 42, env=env)
    assert result.code == code, result
    assert "queued" not in result.err and "unreachable" not in result.err, result
    assert len(result.err.strip().splitlines()) == 1, result                  # one message for one failure
    assert "wrong-secret-value" not in result.err + result.out
    assert waiting() == []


# -- the next run sends what waits ----------------------------------------------------------------------------------
def test_the_next_run_sends_queued_reports_first_oldest_first_in_its_own_bulk_request(cloud, shop):
    cloud.go_down()
    older = the_build(json.loads(queue_build(cloud, shop, 41).read_text()))
    newer = the_build(json.loads(queue_build(cloud, shop, 40, state="in_progress").read_text()))
    assert len(waiting()) == 2
    cloud.come_back()

    result = build(cloud, shop, 42)
    assert result.code == 0, result
    assert result.out == "Jira accepted the build shop #42 for SHOP-1, SHOP-2\n"
    [body] = build_bodies(cloud)  # one bulk request: what waited, oldest first, then the run's own
    assert sent_builds(cloud, [body]) == [(41, "successful"), (40, "in_progress"), (42, "successful")]
    assert body["builds"][0] == older and body["builds"][1] == newer
    assert waiting() == []
    assert cloud.build("github.com/acme/shop", 40)["state"] == "in_progress"


def test_reports_queued_for_another_credential_or_site_are_not_sent_with_this_one(cloud, shop):
    cloud.go_down()
    other_client = queue_build(cloud, shop, 41, env={"JIRA_CLIENT_ID": "another-client-id"})
    assert "another-client-id" in other_client.read_text()
    other_site = f"http://127.0.0.1:{closed_port()}"
    other_site_file = queue_build(cloud, shop, 43, env={"JIRA_URL": other_site})
    assert other_site in other_site_file.read_text()
    cloud.come_back()

    result = build(cloud, shop, 42)
    assert result.code == 0, result
    assert sent_builds(cloud) == [(42, "successful")]
    assert sorted(waiting()) == sorted([other_client, other_site_file])
    flushed = flush(cloud, shop)
    assert flushed.code == 0, flushed
    assert summary(flushed).startswith("delivered 0, rejected 0, waiting 0"), flushed
    assert sent_builds(cloud) == [(42, "successful")]
    assert sorted(waiting()) == sorted([other_client, other_site_file])


# -- what Jira refuses later -------------------------------------------------------------------------------------------
def test_a_queued_report_jira_rejects_moves_to_rejected_with_jiras_answer(cloud, shop):
    cloud.go_down()
    path = queue_build(cloud, shop, 42)
    cloud.come_back()
    cloud.known_keys = {"OTHER-1"}

    result = flush(cloud, shop)
    assert result.code == 4, result
    assert summary(result) == "delivered 0, rejected 1, waiting 0"
    warnings = [line for line in result.err.splitlines() if line.startswith("jira-ci: warning:") and "rejected" in line]
    assert any("No valid issue keys" in line for line in warnings), result
    assert waiting() == []
    moved = outbox_dir() / "rejected" / path.name
    assert rejected() == [moved]
    assert the_build(json.loads(moved.read_text()))["buildNumber"] == 42
    reason = outbox_dir() / "rejected" / (path.name + ".reason.txt")
    assert "No valid issue keys" in reason.read_text()
    assert_private_and_secret_free(cloud)

    cloud.known_keys = None
    again = flush(cloud, shop)
    assert again.code == 0 and summary(again) == "delivered 0, rejected 0, waiting 0", again
    assert cloud.count("/bulk") == 1  # a rejected report is not sent again


def test_a_queued_report_leaves_the_outbox_only_when_jira_confirms_it(cloud, shop):
    cloud.go_down()
    path = queue_build(cloud, shop, 42)
    cloud.come_back()
    cloud.fault("/bulk", status=202, body=b"{}")   # an answer that accepts nothing (a proxy's, say)

    unconfirmed = flush(cloud, shop)
    assert unconfirmed.code == 5, unconfirmed
    assert summary(unconfirmed) == "delivered 0, rejected 0, waiting 1"
    assert waiting() == [path] and rejected() == []

    confirmed = flush(cloud, shop)
    assert confirmed.code == 0 and summary(confirmed) == "delivered 1, rejected 0, waiting 0", confirmed
    assert cloud.count("/bulk") == 2 and waiting() == []


def test_a_batch_jira_refuses_as_a_whole_is_sent_again_one_report_at_a_time(cloud, shop):
    cloud.go_down()
    first = queue_build(cloud, shop, 41)
    clone(first, 42, first.name.replace(".json", "x.json"))   # queued after it
    cloud.come_back()
    cloud.fault("/bulk", status=400, body=json.dumps({"errors": [{"message": "something in this batch"}]}).encode())

    result = flush(cloud, shop)
    assert result.code == 0, result
    assert summary(result) == "delivered 2, rejected 0, waiting 0"
    assert [sent_builds(cloud, [body]) for body in build_bodies(cloud)] == [
        [(41, "successful"), (42, "successful")], [(41, "successful")], [(42, "successful")]]
    assert waiting() == [] and rejected() == []


def test_one_bad_report_in_a_batch_is_rejected_alone_and_the_others_are_delivered(cloud, shop):
    cloud.go_down()
    good = queue_build(cloud, shop, 41)
    # Two more reports of the same run made earlier and later, the earlier one with a URL Jira refuses (400).
    bad = clone(good, 40, "00000000000000001-0000bad0.json", url="not a url at all")
    later = clone(good, 43, good.name.replace(".json", "x.json"))
    assert waiting() == [bad, good, later]
    cloud.come_back()

    result = flush(cloud, shop)
    assert result.code == 4, result
    assert summary(result) == "delivered 2, rejected 1, waiting 0"
    assert sorted(n for n, _ in sent_builds(cloud, build_bodies(cloud)[1:])) == [40, 41, 43]
    assert {n for (_, n) in cloud.builds} == {41, 43}
    assert rejected() == [outbox_dir() / "rejected" / bad.name]
    reason = (outbox_dir() / "rejected" / (bad.name + ".reason.txt")).read_text()
    assert "400" in reason or "url" in reason, reason
    assert waiting() == []


def test_refused_credentials_while_flushing_keep_everything_waiting(cloud, shop):
    cloud.go_down()
    first = queue_build(cloud, shop, 41)
    clone(first, 42, first.name.replace(".json", "x.json"))
    files = waiting()
    cloud.come_back()

    wrong = flush(cloud, shop, env={"JIRA_CLIENT_SECRET": "wrong-secret-value"})
    assert wrong.code == 3, wrong
    assert "wrong-secret-value" not in wrong.out + wrong.err
    assert waiting() == files and rejected() == []

    cloud.permissions["builds"] = False
    forbidden = flush(cloud, shop)
    assert forbidden.code == 3, forbidden
    assert waiting() == files and rejected() == []

    cloud.permissions["builds"] = True
    healthy = flush(cloud, shop)
    assert healthy.code == 0 and summary(healthy) == "delivered 2, rejected 0, waiting 0", healthy
    assert waiting() == []


# -- jira-ci flush ----------------------------------------------------------------------------------------------------
def test_flush_summary_and_exit_status(cloud, shop):
    empty = flush(cloud, shop)
    assert empty.code == 0 and summary(empty) == "delivered 0, rejected 0, waiting 0", empty
    as_json = flush(cloud, shop, "--json")
    assert as_json.code == 0 and as_json.json == {"delivered": 0, "rejected": 0, "waiting": 0}, as_json

    cloud.go_down()
    queue_build(cloud, shop, 42)
    deploy = jira(cloud, shop, "deploy", "--state", "successful", "--environment", "production",
                  "--build-number", "9", "--build-url", "https://ci.example.com/9", "--retries", "0")
    assert_queued(deploy, 2)
    still_down = flush(cloud, shop, "--retries", "0")
    assert still_down.code == 5, still_down
    assert summary(still_down) == "delivered 0, rejected 0, waiting 2"
    assert len(waiting()) == 2

    # Jira rejects the build while the deployments API keeps failing: rejected beats waiting.
    cloud.come_back()
    cloud.known_keys = {"OTHER-1"}
    for _ in range(3):
        cloud.fault("/deployments/", status=503)
    mixed = flush(cloud, shop, "--retries", "0", "--json")
    assert mixed.code == 4, mixed
    assert mixed.json == {"delivered": 0, "rejected": 1, "waiting": 1}
    assert len(waiting()) == 1 and len(rejected()) == 1


def test_flush_dry_run_lists_what_waits_without_credentials_or_network(cloud, shop):
    cloud.go_down()
    queue_build(cloud, shop, 42)
    deploy = jira(cloud, shop, "deploy", "--state", "successful", "--environment", "production",
                  "--build-number", "9", "--build-url", "https://ci.example.com/9", "--retries", "0")
    assert_queued(deploy, 2)
    files = waiting()
    cloud.come_back()
    requests = cloud.count()

    bare = {"JIRA_CI_OUTBOX": str(outbox_dir())}  # no site, no credential
    listed = run("flush", "--dry-run", env=bare)
    assert listed.code == 0, listed
    rows = [line for line in listed.out.splitlines() if "SHOP-1" in line]
    assert len(rows) == 2, listed
    assert all(re.match(r"\d+ (s|min|h|d) ", row) for row in rows), listed   # the age
    assert all(cloud.url in row for row in rows), listed
    assert any("build" in row for row in rows) and any("deploy" in row for row in rows), listed

    as_json = run("flush", "--dry-run", "--json", env=bare)
    assert as_json.code == 0, as_json
    items = as_json.json
    assert isinstance(items, list) and len(items) == 2
    assert sorted(item["kind"] for item in items) == ["builds", "deployments"]
    for item in items:
        assert item["site"] == cloud.url
        assert set(item["keys"]) >= {"SHOP-1"}
        assert isinstance(item["ageSeconds"], int) and item["ageSeconds"] >= 0
    assert cloud.count() == requests, "a dry run reached Jira"
    assert waiting() == files


# -- runs at once, runs that die ------------------------------------------------------------------------------------
def test_two_flushes_at_once_deliver_every_queued_build_exactly_once(cloud, shop):
    cloud.go_down()
    first = queue_build(cloud, shop, 1)
    prefix = first.name.split("-")[0]
    for number in range(2, 51):
        clone(first, number, f"{prefix}-{number:08x}.json")
    assert len(waiting()) == 50
    cloud.come_back()
    for _ in range(4):
        cloud.fault("/oauth/token", delay=0.5)
        cloud.fault("/bulk", delay=1.0)

    env = clean_env(cloud.env(JIRA_CI_CACHE_DIR=str(shop.path.parent / "cache")))
    processes = [subprocess.Popen([binary(), "flush"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for _ in range(2)]
    outputs = [process.communicate(timeout=60) for process in processes]
    for process, (out, err) in zip(processes, outputs):
        # 5 is fair for a run that saw reports the other run was still sending.
        assert process.returncode in (0, 5) and "jira-ci: error: Jira unreachable" not in err, (out, err)
        for secret in cloud.secrets():
            assert secret not in out + err
    delivered = sum(int(re.match(r"delivered (\d+),", out).group(1)) for out, _ in outputs)
    counts = Counter(number for number, _ in sent_builds(cloud))
    assert counts == Counter(range(1, 51)), f"builds sent other than once each: {counts}"
    assert delivered == 50, outputs
    assert waiting() == [] and rejected() == []


def test_a_flush_killed_mid_send_leaves_the_report_to_the_very_next_flush(cloud, shop):
    cloud.go_down()
    path = queue_build(cloud, shop, 42)
    cloud.come_back()
    cloud.hang("/bulk")
    env = clean_env(cloud.env(JIRA_CI_CACHE_DIR=str(shop.path.parent / "cache")))
    process = subprocess.Popen([binary(), "flush", "--timeout", "120"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    try:
        assert poll(lambda: cloud.count("/bulk") == 1, 30), "the flush never sent its request"
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=10)
    assert waiting() == [path], "the report left the outbox before Jira took it"

    result = flush(cloud, shop, timeout=30)
    assert result.code == 0, result
    assert summary(result) == "delivered 1, rejected 0, waiting 0"
    assert cloud.count("/bulk") == 2
    assert cloud.build("github.com/acme/shop", 42)["state"] == "successful"
    assert waiting() == []


# -- files that are not reports, and a full outbox --------------------------------------------------------------------
def test_corrupt_and_foreign_files_move_aside_without_stopping_the_run(cloud, shop):
    cloud.go_down()
    queue_build(cloud, shop, 41)
    cloud.come_back()
    box = outbox_dir()
    garbage = box / "00000000000000001-00000001.json"
    garbage.write_text("{not json")
    foreign = box / "00000000000000002-00000002.json"
    foreign.write_text(json.dumps({"kind": "something else", "version": 7}))

    result = build(cloud, shop, 42)
    assert result.code == 0, result
    assert sent_builds(cloud) == [(41, "successful"), (42, "successful")]
    for name in (garbage.name, foreign.name):
        assert any(name in line and line.startswith("jira-ci: warning:") for line in result.err.splitlines()), result
        assert (box / "rejected" / name).exists()
        assert (box / "rejected" / (name + ".reason.txt")).read_text().strip()
    assert waiting() == []

    # The same from `flush`: the run goes on and its exit status is what the reports make it.
    cloud.go_down()
    queue_build(cloud, shop, 43)
    cloud.come_back()
    empty_array = box / "00000000000000003-00000003.json"
    empty_array.write_text("[]")
    flushed = flush(cloud, shop)
    assert flushed.code == 0, flushed
    assert summary(flushed) == "delivered 1, rejected 0, waiting 0"
    assert empty_array.name in flushed.err and (box / "rejected" / empty_array.name).exists()
    assert waiting() == []


def test_a_symlink_in_the_outbox_is_moved_aside_not_waited_on_forever(cloud, shop, tmp_path):
    # jira-ci opens outbox files without following links (O_NOFOLLOW): a link is a foreign file like any other.
    cloud.go_down()
    path = queue_build(cloud, shop, 41)
    cloud.come_back()
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(path.read_text().replace('"buildNumber":41', '"buildNumber":40'))
    link = outbox_dir() / "00000000000000001-11111111.json"
    link.symlink_to(elsewhere)

    flushed = flush(cloud, shop)
    assert sent_builds(cloud) == [(41, "successful")]
    assert flushed.code == 0, flushed
    assert summary(flushed) == "delivered 1, rejected 0, waiting 0"
    assert link.name in flushed.err, flushed
    assert waiting() == [] and (outbox_dir() / "rejected" / link.name).is_symlink()


def test_at_most_10000_reports_wait_and_the_oldest_make_way(cloud, shop):
    cloud.go_down()
    newest_before = queue_build(cloud, shop, 1)
    data = newest_before.read_bytes()
    box = outbox_dir()
    for index in range(1, 10_000):   # 9,999 older copies: 10,000 waiting
        (box / f"{index:017d}-0000cafe.json").write_bytes(data)
    assert len(waiting()) == 10_000
    oldest = box / f"{1:017d}-0000cafe.json"

    result = build(cloud, shop, 2, "--retries", "0")
    assert_queued(result, 10_000)
    assert not oldest.exists()
    assert rejected() == [box / "rejected" / oldest.name]
    assert "10000" in (box / "rejected" / (oldest.name + ".reason.txt")).read_text().replace(",", "")
    assert any(oldest.name in line and line.startswith("jira-ci: warning:") for line in result.err.splitlines()), result
    assert newest_before in waiting()
    assert the_build(json.loads(waiting()[-1].read_text()))["buildNumber"] == 2


# -- order of updates ------------------------------------------------------------------------------------------------
def test_a_late_queued_update_never_overwrites_a_newer_state(cloud, shop):
    cloud.go_down()
    queue_build(cloud, shop, 42, state="in_progress")
    cloud.come_back()
    direct = build(cloud, shop, 42, "--no-outbox")   # another agent, say: it does not see this outbox
    assert direct.code == 0, direct
    assert cloud.build("github.com/acme/shop", 42)["state"] == "successful"

    flushed = flush(cloud, shop)
    assert flushed.code == 0 and summary(flushed) == "delivered 1, rejected 0, waiting 0", flushed
    successful, late = [body["builds"][0] for body in build_bodies(cloud)]
    assert late["state"] == "in_progress", "the queued report was not delivered"
    assert late["updateSequenceNumber"] < successful["updateSequenceNumber"]
    assert cloud.build("github.com/acme/shop", 42)["state"] == "successful"


# -- deployment gating -----------------------------------------------------------------------------------------------
def test_a_gated_deployment_made_while_jira_is_down_is_queued_and_the_gate_fails_closed(cloud, shop):
    cloud.go_down()
    deploy = jira(cloud, shop, "deploy", "--state", "pending", "--environment", "production", "--build-number", "9",
                  "--build-url", "https://ci.example.com/9", "--gate", "--service", "svc-1", "--retries", "0")
    assert_queued(deploy, 1)

    def gate():
        return jira(cloud, shop, "gate", "--environment", "production", "--build-number", "9", "--wait", "3s",
                    "--poll", "1s", "--retries", "0", timeout=60)

    down = gate()
    assert down.code == 6, down
    assert "jira-ci: error:" in down.err, down
    cloud.come_back()
    missing = gate()   # Jira has no such deployment yet: gating answers 404
    assert missing.code == 6, missing
    assert cloud.count("gating-status") >= 1
    assert len(waiting()) == 1

    flushed = flush(cloud, shop)
    assert flushed.code == 0 and summary(flushed) == "delivered 1, rejected 0, waiting 0", flushed
    [body] = cloud.bodies(DEPLOYMENTS_BULK)
    [deployment] = body["deployments"]
    assert deployment["commands"] == [{"command": "initiate_deployment_gating"}]
    assert {"associationType": "serviceIdOrKeys", "values": ["svc-1"]} in deployment["associations"]


# -- git hooks -------------------------------------------------------------------------------------------------------
def branches(work, count, project="SHOP"):
    names = []
    for index in range(1, count + 1):
        work.git("checkout", "-q", "-b", f"feature/{project}-{index}-work", "main")
        work.commit(f"{project}-{100 + index} change {index}")
        names.append(f"feature/{project}-{index}-work")
    work.git("checkout", "-q", "main")
    return names


@pytest.mark.parametrize("fragment", ["tenant_info", "/oauth/token", "/bulk"],
                         ids=["tenant-info-hangs", "token-hangs", "bulk-hangs"])
def test_a_jira_that_never_answers_does_not_hold_a_push_and_the_background_flush_delivers(cloud, tmp_path, fragment):
    work, env = hook_setup(tmp_path, cloud, JIRA_CI_HOOK_BUDGET="1s")
    work.commit("MAIN-1 initial")
    names = branches(work, 3)
    for _ in range(50):   # every request there hangs until the fake is told otherwise
        cloud.hang(fragment)

    err = push(work, env, *names)   # subprocess timeout 30 s: a hook that waits on Jira fails here
    assert "queued in" in err and "background flush" in err, err
    for secret in cloud.secrets():
        assert secret not in err
    assert len(waiting()) == 3
    assert cloud.builds == {}
    assert cloud.count(fragment) >= 1

    # Jira answers again: the detached flush, started by the hook, delivers what the push queued.
    with cloud.lock:
        cloud.faults.clear()
    cloud.go_down()   # cuts the hanging connections
    cloud.come_back()
    log = outbox_dir() / "flush.log"
    assert poll(lambda: len(cloud.builds) == 3 and not waiting(), 60), \
        f"not delivered; flush.log:\n{log.read_text() if log.exists() else '(none)'}"
    assert sorted(build_keys(b)[0] for b in cloud.builds.values()) == ["SHOP-1", "SHOP-2", "SHOP-3"]
    assert (outbox_dir() / "flush.log").exists()
    assert_private_and_secret_free(cloud)


def test_a_push_of_twenty_branches_to_a_healthy_jira_makes_one_bulk_request(cloud, tmp_path):
    work, env = hook_setup(tmp_path, cloud)
    work.commit("MAIN-1 initial")
    names = branches(work, 20)
    push(work, env, *names)
    assert cloud.count("/bulk") == 1
    assert not (outbox_dir() / "flush.log").exists(), "a background flush was started with nothing to send"
    assert cloud.count("/oauth/token") == 1 and cloud.count("tenant_info") == 1
    assert cloud.count() == 4  # and which Jira it is (a loopback host is no Atlassian one)
    assert sorted(build_keys(b)[0] for b in hook_builds(cloud)) == sorted(f"SHOP-{i}" for i in range(1, 21))
    assert waiting() == []


@pytest.mark.parametrize("how", [["--hook-budget", "3s"], ["--hook-budget", "2"], "500ms"],
                         ids=["3s-flag", "bare-number-flag", "500ms-variable"])
def test_hook_budget_takes_seconds_milliseconds_and_bare_numbers(cloud, tmp_path, how):
    work, env = hook_setup(tmp_path, cloud)
    work.commit("MAIN-1 initial")
    sha = work.git("rev-parse", "HEAD")
    args = how if isinstance(how, list) else []
    if isinstance(how, str):
        env["JIRA_CI_HOOK_BUDGET"] = how
    result = run("build", "--hook-stdin", "--state", "successful", "--repo", str(work.path), *args, env=env,
                 input=f"{'0' * 40} {sha} refs/heads/main\n", timeout=30)
    assert_no_secrets(result, cloud)
    assert result.code == 0, result
    assert "hook-budget" not in result.err.lower() and "JIRA_CI_HOOK_BUDGET" not in result.err, result
    assert poll(lambda: [build_keys(b) for b in hook_builds(cloud)] == [["MAIN-1"]], 30), result


def test_an_invalid_hook_budget_is_a_warning_naming_it_and_never_fails_the_hook(cloud, tmp_path):
    work, env = hook_setup(tmp_path, cloud, JIRA_CI_HOOK_BUDGET="soon")
    work.commit("MAIN-1 initial")
    sha = work.git("rev-parse", "HEAD")
    result = run("build", "--hook-stdin", "--state", "successful", "--repo", str(work.path), env=env,
                 input=f"{'0' * 40} {sha} refs/heads/main\n", timeout=30)
    assert result.code == 0, result
    assert "JIRA_CI_HOOK_BUDGET" in result.err or "--hook-budget" in result.err, result


# -- JUnit -----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["missing", "directory", "not-xml", "cut-off"])
def test_a_missing_or_unreadable_junit_file_is_a_warning_and_the_build_is_still_reported(cloud, shop, tmp_path, kind):
    path = tmp_path / "reports" / "junit.xml"
    if kind == "directory":
        path.mkdir(parents=True)
    elif kind == "not-xml":
        path.parent.mkdir(parents=True)
        path.write_bytes(b"\x00\xff garbage <<<")
    elif kind == "cut-off":                                     # a test run killed while writing its report
        path.parent.mkdir(parents=True)
        path.write_text('<testsuite tests="3" failures="1"><testcase name="a"/><testcase')
    result = build(cloud, shop, 42, "--junit", str(path))
    assert result.code == 0, result
    warnings = [line for line in result.err.splitlines() if line.startswith("jira-ci: warning:") and str(path) in line]
    assert len(warnings) == 1, result
    stored = cloud.build("github.com/acme/shop", 42)
    assert stored["state"] == "successful" and "testInfo" not in stored
    assert waiting() == []


# -- whose outbox, and how a flush fails -----------------------------------------------------------------------------
def test_an_outbox_others_may_write_to_is_never_used(cloud, shop, tmp_path):
    """Another user able to write there could queue reports of their own making, sent with our credentials."""
    box = tmp_path / "shared-outbox"
    box.mkdir()
    box.chmod(0o777)
    cloud.go_down()
    forged = box / queue_build(cloud, shop, 41).name  # a report as someone else could put it there
    forged.write_bytes(waiting()[0].read_bytes())
    result = build(cloud, shop, 42, "--retries", "0", "--outbox", str(box))
    assert result.code == 5, result
    assert "others may write there" in result.err and "chmod 700" in result.err and "queued in" not in result.err, result
    assert waiting(box) == [forged]

    cloud.come_back()
    refused = flush(cloud, shop, "--outbox", str(box))
    assert refused.code == 2 and "others may write there" in refused.err, refused
    delivered = build(cloud, shop, 43, "--outbox", str(box))
    assert delivered.code == 0 and sent_builds(cloud) == [(43, "successful")], delivered

    box.chmod(0o700)
    assert flush(cloud, shop, "--outbox", str(box)).code == 0


def test_flush_with_soft_fail_says_what_waits_and_exits_0(cloud, shop):
    cloud.go_down()
    queue_build(cloud, shop, 42)
    for how in ({"args": ["--soft-fail"]}, {"args": [], "env": {"JIRA_CI_SOFT_FAIL": "1"}}):
        result = flush(cloud, shop, "--retries", "0", *how["args"], env=how.get("env"))
        assert result.code == 0, result
        assert summary(result) == "delivered 0, rejected 0, waiting 1"
        [line] = [line for line in result.err.splitlines() if "still wait" in line]
        assert line.startswith("jira-ci: warning: Jira unreachable (") and line.endswith("(--soft-fail: exiting 0)"), result
    assert len(waiting()) == 1


def test_reports_a_personal_access_token_queued_go_with_the_next_token(server, shop):
    """A new token is the usual cure for a 401; what the old one queued must not be stranded."""
    server.go_down()
    old = run("build", "--state", "successful", "--build-number", "7", "--build-url", "https://ci.example.com/7",
              "--retries", "0", "--repo", str(shop.path), env={"JIRA_URL": server.url, "JIRA_PAT": "jci-old-pat-0000"})
    assert old.code == 5 and "queued in" in old.err, old
    assert "jci-old-pat-0000" not in waiting()[0].read_text()
    server.come_back()
    result = run("flush", env={"JIRA_URL": server.url, "JIRA_PAT": PAT})
    assert_no_secrets(result, server)
    assert result.code == 0 and summary(result) == "delivered 1, rejected 0, waiting 0", result
    assert server.links, "the queued build reached Jira"
