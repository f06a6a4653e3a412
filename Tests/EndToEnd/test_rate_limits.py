"""Rate-limited answers over real HTTP: a 429 or 503 whose only hint is X-RateLimit-Reset (an ISO 8601 time) waits
until the reset, at most 60 s; a reset further away queues the report at once; Retry-After wins over it; a reset that
is no ISO time means the normal backoff; RateLimit-Reason is named in the retry notice and the queued line. The same
on Jira Cloud's bulk endpoint and Jira Server's remote links. Waits are read from what jira-ci announces, never timed."""
import time
from pathlib import Path

import pytest

from conftest import BITBUCKET_SERVER, assert_no_secrets, make_shop, retry_waits, run
from fake_jira_cloud import FakeJiraCloud
from fake_jira_server import PAT, FakeJiraServer
from test_cloud import assert_queued
from test_server import key


class Jira:
    """A fake Jira Cloud or Server, the request a fault hits, and a `build` report to it."""

    def __init__(self, flavor, tmp_path):
        self.flavor = flavor
        if flavor == "cloud":
            self.fake = FakeJiraCloud()
            self.env = self.fake.env(JIRA_CI_CACHE_DIR=str(tmp_path / "cache"))
            self.fragment = "/bulk"
            self.repo = make_shop(tmp_path)
        else:
            self.fake = FakeJiraServer(key()[1])
            self.env = {"JIRA_URL": self.fake.url, "JIRA_PAT": PAT}
            # One issue of the two: Server links each on its own.
            self.fragment = "/issue/SHOP-1/remotelink"
            self.repo = make_shop(tmp_path, remote=BITBUCKET_SERVER)

    def limit(self, status, **headers):
        """The next request to the fragment is answered `status` with these headers (underscores become dashes)."""
        self.fake.fault(self.fragment, status=status, headers={name.replace("_", "-"): value for name, value in headers.items()})

    def attempts(self):
        return self.fake.count(self.fragment)

    def build(self, *args):
        result = run("build", "--state", "successful", "--build-number", "42", "--build-url", "https://ci.example.com/shop/42",
                     "--repo", str(self.repo.path), *args, env=self.env)
        assert_no_secrets(result, self.fake)
        return result


@pytest.fixture(params=[("cloud", 429), ("cloud", 503), ("server", 429), ("server", 503)], ids=lambda p: f"{p[0]}-{p[1]}")
def jira(request, tmp_path):
    flavor, status = request.param
    target = Jira(flavor, tmp_path)
    target.status = status
    yield target
    target.fake.close()


def iso(seconds_from_now, form="%Y-%m-%dT%H:%M:%S"):
    """A UTC time as X-RateLimit-Reset carries it, to the millisecond unless `form` says otherwise."""
    at = time.time() + seconds_from_now
    text = time.strftime(form, time.gmtime(at))
    return text + ("" if "%S" not in form else f".{int(at * 1000) % 1000:03d}") + "Z"


def retry_notices(result):
    return [line for line in result.err.splitlines() if "retrying in" in line]


def test_a_reset_alone_is_waited_for_and_the_limit_named(jira):
    jira.limit(jira.status, X_RateLimit_Reset=iso(2), RateLimit_Reason="jira-burst-based")
    result = jira.build()
    assert result.code == 0, result
    assert jira.attempts() == 2
    [notice] = retry_notices(result)
    assert f"answered {jira.status} to POST 127.0.0.1 (rate limit: jira-burst-based); retrying in " in notice, result
    assert "when the rate limit resets" in notice, result
    # Until the reset, less what the first answer took: never more than the 2 s the fake gave.
    [wait] = retry_waits(result)
    assert 0 <= wait <= 2.0, result


def test_atlassians_minute_form_is_read(jira):
    # This very minute has begun already: the reset is now, so the retry goes at once.
    jira.limit(jira.status, X_RateLimit_Reset=iso(0, "%Y-%m-%dT%H:%M"))
    result = jira.build()
    assert result.code == 0, result
    assert retry_waits(result) == [0.0], result
    assert "when the rate limit resets" in result.err, result


def test_a_reset_beyond_a_minute_queues_the_report_at_once(jira):
    jira.limit(jira.status, X_RateLimit_Reset=iso(600), RateLimit_Reason="jira-quota-tenant-based")
    result = jira.build()
    assert_queued(result, 1, "(rate limit: jira-quota-tenant-based)", "later than jira-ci waits (60.0 s)")
    assert jira.attempts() == 1
    assert retry_notices(result) == [], result


def test_retry_after_wins_over_the_reset(jira):
    jira.limit(jira.status, Retry_After="1", X_RateLimit_Reset=iso(600))
    result = jira.build()
    assert result.code == 0, result
    assert retry_waits(result) == [1.0], result
    assert "when the rate limit resets" not in result.err, result
    assert jira.attempts() == 2


@pytest.mark.parametrize("reset", ["soon", "1711843260", "2026-13-01T00:00Z", "Sun, 06 Nov 1994 08:49:37 GMT"])
def test_a_reset_that_is_no_iso_time_means_the_normal_backoff(jira, reset):
    jira.limit(jira.status, X_RateLimit_Reset=reset)
    result = jira.build()
    assert result.code == 0, result
    [wait] = retry_waits(result)
    assert wait <= 0.5, result  # the first backoff: 0.25 to 0.5 s
    assert "when the rate limit resets" not in result.err, result


def test_a_limit_that_holds_through_every_retry_is_named_in_the_queued_line(jira):
    for _ in range(2):
        jira.limit(jira.status, X_RateLimit_Reset=iso(0.2), RateLimit_Reason="jira-per-issue-on-write")
    result = jira.build("--retries", "1")
    assert_queued(result, 1, "(rate limit: jira-per-issue-on-write), through every retry")
    assert jira.attempts() == 2
