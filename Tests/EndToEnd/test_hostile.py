"""Hostile input and faults (issue 9): no crash, no leak, no hang, no bypass.

Every run against a fake also checks that no secret reached stdout or stderr. Hangs are caught by subprocess
timeouts, never by timing assertions. Output is read byte-exact (`run` below): Python's text mode would turn a raw
CR into a newline and hide it from the terminal-safety checks. Independent runs go side by side and a test with
several cases reports every failing case, not only the first: the binary is slow to start, and the file should
stay within about a minute.
"""
import json
import os
import random
import re
import socket
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

import jira_rules
from conftest import Repo, Result, assert_no_secrets, binary, build_keys, clean_env, retry_waits
from fake_http import Loopback, QuietHandler
from fake_jira_cloud import CLIENT_ID, CLIENT_SECRET, CLOUD_ID, FakeJiraCloud
from fake_jira_server import ACCESS_TOKEN, BASIC, CONSUMER_KEY, PASSWORD, PAT, USER, FakeJiraServer

ZERO = "0" * 40
CRASH_MARKS = ("Fatal error", "Program crashed", "Stack dump", "Segmentation fault", "Illegal instruction")
DOCUMENTED_EXITS = {0, 2, 3, 4, 5, 6, 7}
# Raw control characters a terminal acts on: C0 but tab and newline, DEL, C1.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


# -- running jira-ci ---------------------------------------------------------------------------------
def run(*args, env=None, input=None, timeout=20, cwd=None) -> Result:
    """conftest.run, but byte-exact: no newline translation (a raw CR stays a CR) and strict UTF-8."""
    completed = subprocess.run([binary(), *args], capture_output=True, env=clean_env(env), cwd=cwd, timeout=timeout,
                               input=input.encode() if isinstance(input, str) else input)

    def text(data, name):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise AssertionError(f"jira-ci {args!r} wrote {name} that is not UTF-8 ({error}): {data[:2000]!r}")

    return Result(subprocess.CompletedProcess(completed.args, completed.returncode,
                                              text(completed.stdout, "stdout"), text(completed.stderr, "stderr")))


def run_parallel(calls, workers=4):
    """Independent runs side by side: `calls` is a list of (args, kwargs) for `run`; results in the same order."""
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda call: run(*call[0], **call[1]), calls))


def each(cases, check):
    """Calls `check(case, result)` for every (case, result) and reports every case that fails."""
    failures = []
    for case, result in cases:
        try:
            check(case, result)
        except AssertionError as error:
            failures.append(f"--- case {case!r}:\n{error}")
    assert not failures, f"{len(failures)} of {len(cases)} case(s) failed:\n" + "\n".join(failures)


# -- what every run must show ---------------------------------------------------------------------------
def assert_no_crash(result):
    assert result.code in DOCUMENTED_EXITS, f"not a documented exit (a signal is negative, 1 internal): {result}"
    for mark in CRASH_MARKS:
        assert mark not in result.err and mark not in result.out, f"crash: {result}"


def checked(result, fake, *extra):
    """`result` once it is known to show no secret."""
    assert_no_secrets(result, fake, *extra)
    return result


def assert_terminal_safe(result):
    """No raw control character (but newline and tab) reaches the terminal."""
    for name, text in (("stdout", result.out), ("stderr", result.err)):
        found = RAW_CONTROL.search(text)
        assert not found, f"raw control character {found.group()!r} in {name}: {result}"


def assert_messages_only(result):
    """stderr holds whole messages: every line a warning or an error, so no message spilled over lines."""
    for line in result.err.splitlines():
        assert line.startswith(("jira-ci: warning: ", "jira-ci: error: ")), f"stray stderr line {line!r}: {result}"


def assert_one_error(result, code, *needles):
    """Exit `code`, stdout empty, one error line naming each of `needles`, anything else on stderr warnings."""
    assert_no_crash(result)
    assert result.code == code, result
    assert result.out == "", result
    assert_messages_only(result)
    errors = [line for line in result.err.splitlines() if line.startswith("jira-ci: error: ")]
    assert len(errors) == 1, result
    for needle in needles:
        assert needle in errors[0], f"{needle!r} not in the error line: {result}"
    return errors[0]


def error_lines(result):
    return [line for line in result.err.splitlines() if line.startswith("jira-ci: error: ")]


# -- repositories, fakes and their invocations --------------------------------------------------------------
def hook_line(repo, branch="feature/SHOP-1-cart"):
    return f"{ZERO} {repo.git('rev-parse', 'HEAD')} refs/heads/{branch}\n"


def cloud_build(fake, repo, *args, env=None, cache=None, timeout=20, number="42"):
    """One `build` against a fake Jira Cloud, as (args, kwargs) for `run` or `run_parallel`."""
    extra = fake.env(JIRA_CI_CACHE_DIR=str(cache or Path(repo.path).parent / f"cache-{fake.port}"))
    extra.update(env or {})
    return (("build", "--state", "successful", "--build-number", number, "--build-url",
             f"https://ci.example.com/shop/{number}", "--repo", str(repo.path), *args),
            dict(env=extra, timeout=timeout))


def cloud_check(fake, *args, cache, env=None, timeout=20):
    """`auth check` against a fake Jira Cloud: the token, its cache, the cloudId and the 401 refresh, as a report
    uses them, at a fraction of a report's start-up cost."""
    return (("auth", "check", *args), dict(env=fake.env(JIRA_CI_CACHE_DIR=str(cache), **(env or {})), timeout=timeout))


def server_build(fake, repo, *args, env, timeout=20, number="42"):
    return (("build", "--state", "successful", "--build-number", number, "--build-url",
             f"https://ci.example.com/shop/{number}", "--repo", str(repo.path), *args), dict(env=env, timeout=timeout))


def server_env(fake, kind="pat", **extra):
    env = {"JIRA_URL": fake.url}
    if kind == "pat":
        env["JIRA_PAT"] = PAT
    elif kind == "basic":
        env.update(JIRA_USER=USER, JIRA_PASSWORD=PASSWORD)
    else:
        env.update(JIRA_CONSUMER_KEY=CONSUMER_KEY, JIRA_PRIVATE_KEY=PRIVATE_KEY[0], JIRA_ACCESS_TOKEN=ACCESS_TOKEN)
    env.update(extra)
    return env


def _make_key():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                           serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    return private, public


PRIVATE_KEY = _make_key()                                       # (private PEM, public PEM)
KEY_LINES = [line for line in PRIVATE_KEY[0].splitlines() if line and "-----" not in line]


def new_server():
    return FakeJiraServer(PRIVATE_KEY[1])


@pytest.fixture
def cloud():
    fake = FakeJiraCloud()
    yield fake
    fake.close()


@pytest.fixture
def server():
    fake = new_server()
    yield fake
    fake.close()


class Sink(Loopback):
    """Stands in for every host jira-ci must not reach: given as HTTP_PROXY, it receives whatever would have left
    this machine (and answers 502), so a URL that should have been refused shows up here, not on the network."""

    def __init__(self):
        self.seen = []
        sink = self

        class Handler(QuietHandler):
            def _record(self):
                sink.seen.append(f"{self.command} {self.path}")
                self.read_body()
                self.reply(502, b"", None)

            do_GET = do_POST = do_DELETE = do_PUT = do_CONNECT = _record

        super().__init__(Handler)
        self.url = f"http://127.0.0.1:{self.port}"


class IPv6Loopback:
    """Serves a fake's own handler on [::1] too (the fakes listen on 127.0.0.1 only)."""

    def __init__(self, fake):
        class Server(ThreadingHTTPServer):
            address_family = socket.AF_INET6
            daemon_threads = True

        self.server = Server(("::1", 0), fake.handler_class)
        self.server.stopped = threading.Event()
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self):
        self.server.stopped.set()
        self.server.shutdown()
        self.server.server_close()


# -- 1. crashes from a header ------------------------------------------------------------------------
HOSTILE_DATES = [
    "Fri, 31 Dec 99999999999 23:59:59 GMT",     # far-future year
    "Fri, 31 Dec -2024 23:59:59 GMT",           # negative year
    "Fri, 31123456789 Dec 2024 23:59:59 GMT",   # 11-digit day
    "Fri, 31 Dec 2024 23123456789:59:59 GMT",   # 11-digit hour
]
HOSTILE_RETRY_AFTER = HOSTILE_DATES + ["1e400", "-5", "nan"]


@pytest.mark.parametrize("mode", ["build-429", "soft-fail-503", "hook-429"])
def test_a_hostile_retry_after_neither_crashes_nor_waits_past_the_normal_backoff(shop, mode):
    """Each value on a fake of its own: a 429 or 503 from the bulk endpoint, then the real answer. None is a valid
    delay or a date of the years 1 to 9999, so jira-ci retries after the normal backoff and the report lands: a
    build; development information with --soft-fail; development information from a hook (the README's hook)."""
    fakes = [FakeJiraCloud() for _ in HOSTILE_RETRY_AFTER]
    try:
        calls = []
        for fake, value in zip(fakes, HOSTILE_RETRY_AFTER):
            fake.fault("/bulk", status=503 if mode == "soft-fail-503" else 429, headers={"Retry-After": value})
            env = fake.env(JIRA_CI_CACHE_DIR=str(Path(shop.path).parent / f"cache-{fake.port}"))
            if mode == "build-429":
                calls.append(cloud_build(fake, shop, "--retries", "1"))
            elif mode == "soft-fail-503":
                calls.append((("devinfo", "--soft-fail", "--retries", "1", "--repo", str(shop.path)), dict(env=env)))
            else:
                calls.append((("devinfo", "--hook-stdin", "--retries", "1", "--hook-budget", "30s", "--no-outbox",
                               "--repo", str(shop.path)), dict(env=env, input=hook_line(shop), timeout=40)))
        results = run_parallel(calls)

        def check(case, result):
            fake, value = case
            assert_no_crash(result)
            assert_no_secrets(result, fake)
            assert result.code == 0, result
            assert not error_lines(result) and "queued" not in result.err, result
            assert fake.count("/bulk") == 2, result
            waits = retry_waits(result)
            assert len(waits) == 1 and waits[0] < 60, f"expected one retry after the normal backoff: {result}"
            if mode == "build-429":
                assert fake.build("github.com/acme/shop", 42)["state"] == "successful"
            else:
                assert fake.repositories, f"nothing stored: {result}"

        each([((fake, value), result) for fake, value, result in zip(fakes, HOSTILE_RETRY_AFTER, results)], check)
    finally:
        for fake in fakes:
            fake.close()


def test_a_hostile_date_on_jira_servers_timestamp_refused_is_exit_3_in_one_line():
    dates = HOSTILE_DATES + ["Fri, 31 Dec 9999 23:59:59 GMT"]   # the last second that parses: millennia of skew
    fakes = [new_server() for _ in dates]
    try:
        for fake, date in zip(fakes, dates):
            fake.fault("/rest/api/2/", status=401, body=b"oauth_problem=timestamp_refused",
                       headers={"WWW-Authenticate": 'OAuth realm="jira", oauth_problem="timestamp_refused"',
                                "Date": date, "Content-Type": "text/plain"})
        results = run_parallel([(("auth", "check"), dict(env=server_env(fake, "oauth"))) for fake in fakes])

        def check(case, result):
            fake, date = case
            assert_no_secrets(result, fake, *KEY_LINES)
            assert_one_error(result, 3, "timestamp_refused")

        each([((fake, date), result) for fake, date, result in zip(fakes, dates, results)], check)
    finally:
        for fake in fakes:
            fake.close()


def test_test_counts_whose_sum_overflows_are_refused_naming_tests(shop):
    counts = "9223372036854775807,9223372036854775807,1"
    by_flag, by_variable = run_parallel([
        (("build", "--state", "successful", "--dry-run", "--repo", str(shop.path), "--tests", counts), {}),
        (("build", "--state", "successful", "--dry-run", "--repo", str(shop.path)),
         dict(env={"JIRA_CI_TESTS": counts})),
    ])
    assert_one_error(by_flag, 2, "--tests")
    assert_one_error(by_variable, 2, "JIRA_CI_TESTS")


# -- 2. plain http only to loopback ------------------------------------------------------------------
HOSTILE_HTTP_URLS = [
    "http://evil.example.com#@127.0.0.1:{port}/jira",   # libcurl connects to evil.example.com
    "http://127.evil.example.com:{port}/jira",
    "http://jira.localhost:{port}/jira",                 # loopback only by a resolver's decision
]


def test_plain_http_to_a_host_that_is_not_loopback_is_refused_before_anything_is_sent(server, cloud, shop):
    sink = Sink()
    try:
        via_sink = {"HTTP_PROXY": sink.url, "http_proxy": sink.url}   # whatever slips through lands in the sink
        cases, calls = [], []
        for url in HOSTILE_HTTP_URLS:
            site, api = url.format(port=server.port), url.format(port=cloud.port).removesuffix("/jira")
            cases += [("auth check, JIRA_URL", site), ("auth check --jira-url", site),
                      ("cloud auth check, JIRA_CI_API_URL", api)]
            calls += [
                (("auth", "check"), dict(env=server_env(server, JIRA_URL=site, JIRA_FLAVOR="server", **via_sink))),
                (("auth", "check", "--jira-url", site), dict(env=server_env(server, JIRA_URL="", **via_sink))),
                (("auth", "check"),
                 dict(env=cloud.env(JIRA_URL="", JIRA_CI_API_URL=api, JIRA_CLOUD_ID=CLOUD_ID, **via_sink))),
            ]
        site = HOSTILE_HTTP_URLS[0].format(port=server.port)   # and what a pipeline runs
        cases.append(("build, JIRA_URL", site))
        calls.append(server_build(server, shop,
                                  env=server_env(server, JIRA_URL=site, JIRA_FLAVOR="server", **via_sink)))
        results = run_parallel(calls)

        def check(case, result):
            assert_no_secrets(result, server)
            assert_no_secrets(result, cloud)
            assert_one_error(result, 2, "plain http")

        each(list(zip(cases, results)), check)
        assert sink.seen == [] and server.requests == [] and cloud.requests == [], \
            f"requests went out: {sink.seen} {server.requests} {cloud.requests}"
    finally:
        sink.close()


def test_plain_http_to_loopback_works_by_address_by_localhost_and_on_ipv6(server, shop):
    try:
        ipv6 = IPv6Loopback(server)
    except OSError:
        ipv6 = None
    try:
        sites = [f"http://127.0.0.1:{server.port}/jira", f"http://localhost:{server.port}/jira"]
        if ipv6:
            sites.append(f"http://[::1]:{ipv6.port}/jira")
        results = run_parallel([server_build(server, shop, env=server_env(server, JIRA_URL=site), number=str(n))
                                for n, site in enumerate(sites, 1)])

        def check(site, result):
            assert_no_crash(result)
            assert_no_secrets(result, server)
            assert result.code == 0, result
            assert "plain http" not in result.err, result

        each(list(zip(sites, results)), check)
        titles = {link["object"]["title"] for link in server.links["SHOP-1"]}
        assert titles == {f"Build {n} of shop: successful" for n in range(1, len(sites) + 1)}
    finally:
        if ipv6:
            ipv6.close()
    if not ipv6:
        pytest.skip("no IPv6 loopback here: [::1] was not tested")


# -- 3. credentials inside the Jira URL ----------------------------------------------------------------
URL_PASSWORD = "pw-secret-123"
URL_WITH_PASSWORD = f"https://bob:{URL_PASSWORD}@jira.example.com"


def test_a_password_inside_a_jira_or_api_url_is_refused_and_never_shown(shop):
    build = ("build", "--state", "successful", "--build-url", "https://ci.example.com/1", "--repo", str(shop.path))
    server_credential = {"JIRA_PAT": "jci-pat-unused-4f1e"}
    cloud_credential = {"JIRA_CLIENT_ID": CLIENT_ID, "JIRA_CLIENT_SECRET": CLIENT_SECRET, "JIRA_CLOUD_ID": CLOUD_ID}
    cases = [
        ("build, JIRA_URL", (build, dict(env={**server_credential, "JIRA_URL": URL_WITH_PASSWORD}))),
        ("build --jira-url", ((*build, "--jira-url", URL_WITH_PASSWORD), dict(env=server_credential))),
        ("auth check, JIRA_CI_API_URL",
         (("auth", "check"), dict(env={**cloud_credential, "JIRA_CI_API_URL": URL_WITH_PASSWORD}))),
        ("auth check --api-url", (("auth", "check", "--api-url", URL_WITH_PASSWORD), dict(env=cloud_credential))),
    ]
    results = run_parallel([call for _, call in cases])

    def check(case, result):
        for secret in (URL_PASSWORD, server_credential["JIRA_PAT"], CLIENT_SECRET):
            assert secret not in result.out + result.err, f"{secret!r} was printed: {result}"
        assert_one_error(result, 2, "JIRA_USER", "JIRA_PASSWORD")

    each([(name, result) for (name, _), result in zip(cases, results)], check)


def test_a_password_inside_a_link_is_refused_and_never_shown(shop):
    """Links go to Jira for everyone to see, so a user and password in one are refused; the refusal hides them."""
    link = f"https://bob:{URL_PASSWORD}@ci.example.com/shop/1"
    build = ("build", "--dry-run", "--state", "successful", "--repo", str(shop.path))
    by_flag, by_variable = run_parallel([((*build, "--build-url", link), {}),
                                         (build, dict(env={"JIRA_CI_BUILD_URL": link}))])

    def check(case, result):
        assert URL_PASSWORD not in result.out + result.err, f"the link's password was printed: {result}"
        assert_one_error(result, 2, "--build-url")

    each([("--build-url", by_flag), ("JIRA_CI_BUILD_URL", by_variable)], check)


def test_env_never_prints_a_password_inside_a_url(shop):
    env = {"JIRA_URL": URL_WITH_PASSWORD, "JIRA_CI_API_URL": URL_WITH_PASSWORD.replace("jira.", "api."),
           "JIRA_CI_REPO": str(shop.path)}
    text, as_json = run_parallel([(("env",), dict(env=env)), (("env", "--json"), dict(env=env))])
    for result in (text, as_json):
        assert result.code == 0, result
        assert URL_PASSWORD not in result.out + result.err, f"the URL's password was printed: {result}"
        assert "jira.example.com" in result.out
    assert json.loads(as_json.out)["settings"]["JIRA_URL"]["value"] == "https://***@jira.example.com"


# -- 4. secrets a server echoes back -----------------------------------------------------------------
def test_secrets_a_cloud_echoes_in_a_400_appear_in_no_error_outcome_json_or_trace(cloud, shop, monkeypatch):
    cloud.echo_secrets = True
    monkeypatch.setattr(jira_rules, "errors", lambda kind, body: [f"$.{kind}[0]: refused by this test"])
    args, options = cloud_build(cloud, shop, "--json", "--verbose")
    result = run(*args, **options)
    assert_no_secrets(result, cloud)
    assert_no_crash(result)
    assert result.code == 4, result
    [rejected] = json.loads(result.out)["rejected"]
    assert "refused by this test (you sent Authorization: Bearer ***)" in rejected["errors"][0]["message"]
    [error] = error_lines(result)
    assert "(you sent Authorization: Bearer ***)" in error


def test_secrets_echoed_with_a_403_or_a_401_on_the_token_are_hidden(cloud, shop):
    cloud.echo_secrets = True
    wrong = "jci-wrong-secret-6d0b2a"
    cloud.permissions["builds"] = False
    forbidden, refused = run_parallel([
        cloud_build(cloud, shop, "--json", "--verbose", number="1"),
        cloud_build(cloud, shop, "--json", "--verbose", "--no-cache", number="2", env={"JIRA_CLIENT_SECRET": wrong}),
    ])

    def check(needle, result):
        assert_no_secrets(result, cloud, wrong)
        assert_no_crash(result)
        assert result.code == 3, result
        assert "(you sent " in result.err, f"the fake's echo never reached the trace: {result}"
        errors = error_lines(result)
        assert len(errors) == 1 and needle in errors[0], result
        if result.out:
            json.loads(result.out)

    each([("Builds", forbidden), ("JIRA_CLIENT_SECRET", refused)], check)


def test_a_stale_cached_token_the_cloud_echoes_is_hidden_and_replaced(cloud, tmp_path):
    args, options = cloud_check(cloud, cache=tmp_path / "token-cache")
    assert checked(run(*args, **options), cloud).code == 0
    [token_file] = (tmp_path / "token-cache").glob("token-*.json")
    stale = "jci-stale-token-0f9e8d"
    token_file.write_text(json.dumps(dict(json.loads(token_file.read_text()), accessToken=stale)))
    cloud.echo_secrets = True
    result = run(*args, "--verbose", **options)
    assert_no_secrets(result, cloud, stale)
    assert result.code == 0, result
    assert cloud.count("/oauth/token") == 2
    assert "(you sent Authorization: Bearer ***)" in result.err


def test_secrets_jira_server_echoes_in_an_error_appear_nowhere(shop):
    quoted = {"pat": f"Authorization: Bearer {PAT}", "basic": f"Authorization: Basic {BASIC} ({USER}:{PASSWORD})",
              "oauth": f'Authorization: OAuth oauth_token="{ACCESS_TOKEN}"'}
    fakes = {kind: new_server() for kind in quoted}
    try:
        for kind, fake in fakes.items():
            for _ in range(2):   # one per issue
                fake.fault("/remotelink", status=400, body=json.dumps(
                    {"errorMessages": [f"Cannot link: you sent {quoted[kind]}"], "errors": {}}).encode())
        results = run_parallel([server_build(fake, shop, "--json", "--verbose", env=server_env(fake, kind))
                                for kind, fake in fakes.items()])

        def check(kind, result):
            assert_no_secrets(result, fakes[kind], *KEY_LINES)
            assert_no_crash(result)
            assert result.code == 4, result
            outcome = json.loads(result.out)
            messages = [error["message"] for rejected in outcome["rejected"] for error in rejected["errors"]]
            assert len(messages) == 2 and all("Cannot link: you sent" in message for message in messages), outcome
            assert len(error_lines(result)) == 1, result

        each(list(zip(fakes, results)), check)
    finally:
        for fake in fakes.values():
            fake.close()


# -- 5. terminal safety --------------------------------------------------------------------------------
HOSTILE_SUBJECT = "SHOP-3 \x1b[31mred\x1b[0m\rCR\x07BEL \u009b2J C1 \x1b]0;title\x07 end"
HOSTILE_BRANCH = "feature/SHOP-4-\x1b[2J\u009b1m"
HOSTILE_TITLE = "SHOP-5 \x1b[31mPR\rtitle\x07\u009b \x7f"


@pytest.fixture
def hostile(tmp_path):
    """A repository whose commit message carries ESC, CR, BEL, a C1 control and an OSC title sequence."""
    repo = Repo(tmp_path / "hostile")
    repo.git("remote", "add", "origin", "git@github.com:acme/shop.git")
    message = tmp_path / "message.txt"
    message.write_bytes((HOSTILE_SUBJECT + "\n\nbody \x1b[1mbold\x1b[0m SHOP-6\n").encode())
    repo.git("commit", "-q", "--allow-empty", "--cleanup=verbatim", "-F", str(message))
    # As git keeps it, read without Python's newline translation.
    repo.message = subprocess.run(["git", "-C", str(repo.path), "log", "-1", "--format=%B"], capture_output=True,
                                  check=True).stdout.decode()
    assert "\rCR" in repo.message
    return repo


def test_control_characters_from_git_and_flags_are_shown_escaped_in_human_output(hostile):
    where = ["--repo", str(hostile.path), "--branch", HOSTILE_BRANCH, "--pr-title", HOSTILE_TITLE]
    explain, build, devinfo = run_parallel([
        (("keys", "--explain", *where), {}),
        (("build", "--dry-run", "--state", "successful", "--build-url", "https://ci.example.com/1", *where), {}),
        (("devinfo", "--dry-run", *where), dict(env={"JIRA_URL": "https://jira.example.com"})),
    ])

    def check(name, result):
        assert_no_crash(result)
        assert result.code == 0, result
        assert_terminal_safe(result)
        assert_messages_only(result)

    each([("keys --explain", explain), ("build --dry-run", build), ("devinfo --dry-run", devinfo)], check)
    # Shown, escaped: the reader sees what was there.
    assert "feature/SHOP-4-\\x1B[2J" in explain.out and "SHOP-5 \\x1B[31mPR\\rtitle\\x07" in explain.out
    assert [line.split()[0] for line in explain.out.splitlines()[1:5]] == ["SHOP-4", "SHOP-5", "SHOP-3", "SHOP-6"]
    assert "feature/SHOP-4-\\u001b[2J" in build.out or "feature/SHOP-4-\\x1B[2J" in build.out, build
    assert "SHOP-3 \\u001b[31mred" in devinfo.out or "SHOP-3 \\x1B[31mred" in devinfo.out, devinfo


def test_errors_and_warnings_about_hostile_text_are_one_escaped_line(hostile):
    unknown_commit, unknown_since = run_parallel([
        (("keys", "--repo", str(hostile.path), "--commit", "no\x1b[31m\nsuch\rcommit\u009b"), {}),
        (("keys", "--repo", str(hostile.path), "--since", "gone\x1b]0;pwned\x07\u009b"), {}),
    ])
    assert_terminal_safe(unknown_commit)
    assert_one_error(unknown_commit, 2, "--commit", "no\\x1B[31m\\nsuch\\rcommit")
    assert_terminal_safe(unknown_since)
    assert_messages_only(unknown_since)
    assert unknown_since.code == 0, unknown_since
    [warning] = [line for line in unknown_since.err.splitlines() if "--since" in line]
    assert "gone\\x1B]0;pwned\\x07" in warning


def test_a_jira_error_answer_with_control_characters_is_one_escaped_line(cloud, server, shop):
    hostile_message = "bad \x1b[31mred\x1b[0m\rCR\x07BEL\u009bC1\nsecond line\x1b]0;pwned\x07"
    cloud.fault("/bulk", status=400, body=json.dumps({"errors": [{"message": hostile_message}]}).encode())
    for _ in range(2):
        server.fault("/remotelink", status=400,
                     body=json.dumps({"errorMessages": [hostile_message], "errors": {}}).encode())
    on_cloud, on_server = run_parallel([cloud_build(cloud, shop), server_build(server, shop, env=server_env(server))])

    def check(fake, result):
        assert_no_secrets(result, fake)
        assert_terminal_safe(result)
        assert "bad \\x1B[31mred\\x1B[0m\\rCR\\x07BEL" in assert_one_error(result, 4, "\\nsecond line")

    each([(cloud, on_cloud), (server, on_server)], check)
    # --json carries Jira's text as it was, in valid JSON.
    cloud.fault("/bulk", status=400, body=json.dumps({"errors": [{"message": hostile_message}]}).encode())
    args, options = cloud_build(cloud, shop, "--json", number="43")
    as_json = run(*args, **options)
    assert_no_secrets(as_json, cloud)
    assert as_json.code == 4, as_json
    [rejected] = json.loads(as_json.out)["rejected"]
    assert hostile_message in rejected["errors"][0]["message"]


def test_json_outputs_keep_hostile_text_recoverable(hostile):
    where = ["--repo", str(hostile.path), "--branch", HOSTILE_BRANCH, "--pr-title", HOSTILE_TITLE]
    keys, build, devinfo = run_parallel([
        (("keys", "--json", *where), {}),
        (("build", "--dry-run", "--json", "--state", "successful", "--build-url", "https://ci.example.com/1",
          *where), {}),
        (("devinfo", "--dry-run", "--json", *where), {}),
    ])
    for result in (keys, build, devinfo):
        assert result.code == 0, result
        assert_messages_only(result)
        json.loads(result.out)
    sources = keys.json["sources"]
    assert sources["SHOP-4"] == [{"type": "branch", "value": HOSTILE_BRANCH}]
    assert sources["SHOP-5"] == [{"type": "pr-title", "value": HOSTILE_TITLE}]
    [request] = build.json["requests"]
    assert request["body"]["builds"][0]["references"][0]["ref"]["name"] == HOSTILE_BRANCH
    [request] = devinfo.json["requests"]
    [commit] = request["body"]["repositories"][0]["commits"]
    assert commit["message"].rstrip("\n") == hostile.message.rstrip("\n")


# -- 6. header injection ------------------------------------------------------------------------------
INJECTED = "\r\nX-Injected: yes"


def test_a_credential_with_a_line_break_is_refused_and_never_sent(server, cloud):
    flags = {"--consumer-key": "JIRA_CONSUMER_KEY", "--client-secret": "JIRA_CLIENT_SECRET",
             "--client-id": "JIRA_CLIENT_ID"}
    cases = [("server", "JIRA_PAT", PAT), ("server", "JIRA_PASSWORD", PASSWORD),
             ("server", "JIRA_ACCESS_TOKEN", ACCESS_TOKEN), ("server", "JIRA_CONSUMER_KEY", CONSUMER_KEY),
             ("server", "--consumer-key", CONSUMER_KEY), ("cloud", "JIRA_CLIENT_SECRET", CLIENT_SECRET),
             ("cloud", "--client-secret", CLIENT_SECRET), ("cloud", "JIRA_CLIENT_ID", CLIENT_ID),
             ("cloud", "--client-id", CLIENT_ID)]
    calls = []
    for flavor, name, good in cases:
        value = good + INJECTED + "-tail"
        if flavor == "server":
            env = server_env(server, {"JIRA_PAT": "pat", "JIRA_PASSWORD": "basic"}.get(name, "oauth"))
        else:
            env = cloud.env(JIRA_CI_NO_CACHE="1")
        args = ["auth", "check"]
        if name in flags:
            env.pop(flags[name])
            args += [name, value]
        else:
            env[name] = value
        calls.append((args, dict(env=env)))
    results = run_parallel(calls)

    def check(case, result):
        flavor, name, _ = case
        assert_no_secrets(result, server if flavor == "server" else cloud, *KEY_LINES)
        assert_terminal_safe(result)
        assert flags.get(name, name) in assert_one_error(result, 2), result

    each(list(zip(cases, results)), check)
    assert server.requests == [] and cloud.requests == [], f"requests went out: {server.requests} {cloud.requests}"


def test_a_cached_token_with_a_line_break_is_ignored_and_a_fresh_one_fetched(cloud, tmp_path):
    args, options = cloud_check(cloud, cache=tmp_path / "token-cache")
    assert checked(run(*args, **options), cloud).code == 0
    [token_file] = (tmp_path / "token-cache").glob("token-*.json")
    entry = json.loads(token_file.read_text())
    token_file.write_text(json.dumps(dict(entry, accessToken=entry["accessToken"] + INJECTED)))
    result = run(*args, **options)
    assert_no_secrets(result, cloud)
    assert result.code == 0, result
    assert cloud.count("/oauth/token") == 2, "the poisoned cache entry was used instead of a fresh token"
    for method, path, headers, body in cloud.requests:
        assert not any("X-Injected" in f"{name}: {value}" for name, value in headers.items()), headers


# -- 7. bounded resources -------------------------------------------------------------------------------
def test_a_huge_answer_is_exit_5_response_too_large_in_one_line(shop):
    fakes = {"50 MB body": FakeJiraCloud(), "160 KB of headers": FakeJiraCloud()}
    try:
        fakes["50 MB body"].fault("/bulk", status=500, body=b"x" * 50_000_000)
        fakes["160 KB of headers"].fault("/bulk", status=500, headers={f"X-Filler-{n}": "y" * 4000 for n in range(40)})
        results = run_parallel([cloud_build(fake, shop, timeout=30) for fake in fakes.values()])

        def check(name, result):
            assert_no_secrets(result, fakes[name])
            assert_no_crash(result)
            assert result.code == 5 and not error_lines(result), result
            # Not read on, not asked again, and the report waits: exit 5 always means it is in the outbox.
            [queued] = [line for line in result.err.splitlines() if "queued in" in line]
            assert "response too large" in queued, result
            assert fakes[name].count("/bulk") == 1, "a response too large is not worth asking again"

        each(list(zip(fakes, results)), check)
    finally:
        for fake in fakes.values():
            fake.close()


def test_keys_dropped_past_500_are_counted_exactly_up_to_10000(repo):
    repo.commit("\n".join(f"DROP-{n}" for n in range(1, 3001)))
    result = run("keys", "--repo", str(repo.path), "--json")
    assert result.code == 0, result
    assert result.json["keys"] == [f"DROP-{n}" for n in range(1, 501)]
    assert result.json["dropped"] == 2500
    [warning] = [line for line in result.err.splitlines() if "dropped" in line]
    assert "2500" in warning and "DROP-501" in warning


HUGE_MESSAGE_BYTES = 50_000_000
HUGE_TEST = "test_a_50_mb_commit_message_of_distinct_keys_gives_500_and_counts_the_rest"


class HugeCommitScan:
    """`jira-ci keys --json` over a 50 MB commit message full of distinct keys, started in the background with the
    module's first test: a debug build takes tens of seconds over it, and the other tests need not wait."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.process = None
        self.result = None
        self.failure = None
        self.stopped = False
        self.thread = threading.Thread(target=self._work, daemon=True)
        self.thread.start()

    def _work(self):
        try:
            repo = Repo(self.folder / "huge")
            message = self.folder / "message.txt"
            with open(message, "w") as out:
                out.write("Huge message\n\n")
                written, n = 0, 1
                while written < HUGE_MESSAGE_BYTES:
                    line = " ".join(f"HUGE-{k}" for k in range(n, n + 16)) + "\n"
                    out.write(line)
                    written += len(line)
                    n += 16
            repo.git("commit", "-q", "--allow-empty", "--cleanup=verbatim", "-F", str(message))
            message.unlink()
            if self.stopped:
                return
            self.process = subprocess.Popen([binary(), "keys", "--json", "--repo", str(repo.path)],
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=clean_env(),
                                            preexec_fn=lambda: os.nice(10))   # the other tests first
            out, err = self.process.communicate()
            self.result = Result(subprocess.CompletedProcess(self.process.args, self.process.returncode,
                                                             out.decode(), err.decode()))
        except Exception as error:   # reported by the test
            self.failure = error

    def wait(self, timeout):
        self.thread.join(timeout)
        if self.thread.is_alive():
            self.stop()
            self.thread.join(10)
            pytest.fail(f"keys over a {HUGE_MESSAGE_BYTES // 1_000_000} MB message took over {timeout} s (hang?)")
        if self.failure:
            raise self.failure
        return self.result

    def stop(self):
        self.stopped = True
        if self.process and self.process.poll() is None:
            self.process.kill()


@pytest.fixture(scope="module", autouse=True)
def huge_commit_scan(request, tmp_path_factory):
    if not any(item.name == HUGE_TEST for item in request.session.items):
        yield None
        return
    scan = HugeCommitScan(tmp_path_factory.mktemp("huge"))
    yield scan
    scan.stop()


def test_a_50_mb_commit_message_of_distinct_keys_gives_500_and_counts_the_rest(huge_commit_scan):
    result = huge_commit_scan.wait(timeout=300)
    assert_no_crash(result)
    assert result.code == 0, result
    data = json.loads(result.out)
    assert data["keys"] == [f"HUGE-{n}" for n in range(1, 501)]
    assert data["commitsScanned"] == 1
    assert data["dropped"] >= 10_000, data["dropped"]
    [warning] = [line for line in result.err.splitlines() if "dropped" in line]
    assert warning.startswith("jira-ci: warning: ") and str(data["dropped"]) in warning
    assert "HUGE-501" in warning and "HUGE-502" in warning


# -- 8. files that are not files --------------------------------------------------------------------------
def not_a_file(kind, folder: Path) -> Path:
    if kind == "device":
        return Path("/dev/zero")   # endless
    path = folder / f"not-a-file-{kind}"
    if kind == "fifo":
        os.mkfifo(path)            # nobody ever writes to it: opening it to read blocks
    else:
        path.mkdir()
    return path


def test_a_fifo_directory_or_device_as_key_or_ca_file_is_an_error_and_junit_a_warning(cloud, server, shop, tmp_path):
    kinds = ["fifo", "directory", "device"]
    paths = {kind: not_a_file(kind, tmp_path) for kind in kinds}
    cases, calls = [], []
    for number, kind in enumerate(kinds, 1):
        path = str(paths[kind])
        cases += [("--private-key-file", kind), ("--ca-cert", kind), ("--junit", kind)]
        calls += [
            (("auth", "check", "--private-key-file", path),
             dict(env=server_env(server, "oauth", JIRA_PRIVATE_KEY=""), timeout=10)),
            (("auth", "check", "--ca-cert", path), dict(env=server_env(server), timeout=10)),
            cloud_build(cloud, shop, "--junit", path, timeout=10, number=str(number)),
        ]
    results = run_parallel(calls)

    def check(case, result):
        flag, kind = case
        path = str(paths[kind])
        if flag != "--junit":
            assert_no_secrets(result, server, *KEY_LINES)
            assert_one_error(result, 2, flag, path)
            return
        assert_no_secrets(result, cloud)
        assert_no_crash(result)
        assert result.code == 0, result
        assert_messages_only(result)
        assert any(path in line and "--junit" in line for line in result.err.splitlines()), result
        stored = cloud.build("github.com/acme/shop", kinds.index(kind) + 1)
        assert "testInfo" not in stored, stored

    each(list(zip(cases, results)), check)
    assert server.requests == []


def test_a_token_cache_entry_that_is_not_a_file_is_ignored_never_waited_on(tmp_path):
    kinds = ["fifo", "directory", "device"]
    fakes = {kind: FakeJiraCloud() for kind in kinds}
    try:
        calls = {kind: cloud_check(fakes[kind], cache=tmp_path / f"cache-{kind}", timeout=10) for kind in kinds}
        for kind, result in zip(kinds, run_parallel(list(calls.values()))):
            assert checked(result, fakes[kind]).code == 0, result
            entries = sorted((tmp_path / f"cache-{kind}").glob("*.json"))
            assert {entry.name.split("-")[0] for entry in entries} == {"token", "cloudid", "deployment"}, entries
            for entry in entries:
                entry.unlink()
                if kind == "fifo":
                    os.mkfifo(entry)
                elif kind == "directory":
                    entry.mkdir()
                else:
                    entry.symlink_to("/dev/zero")
        results = run_parallel(list(calls.values()))

        def check(kind, result):
            fake = fakes[kind]
            assert_no_secrets(result, fake)
            assert_no_crash(result)
            assert result.code == 0, result
            assert_messages_only(result)
            assert fake.count("/oauth/token") == 2 and fake.count("tenant_info") == 2

        each(list(zip(kinds, results)), check)
    finally:
        for fake in fakes.values():
            fake.close()


# -- 9. flag ranges -----------------------------------------------------------------------------------------
RANGES = [
    ("--poll", "JIRA_CI_GATE_POLL", "0", "1 s to 1 h"),
    ("--poll", "JIRA_CI_GATE_POLL", "0.1s", "1 s to 1 h"),
    ("--poll", "JIRA_CI_GATE_POLL", "500ms", "1 s to 1 h"),
    ("--retries", "JIRA_CI_RETRIES", "11", "0 to 10"),
    ("--timeout", "JIRA_CI_TIMEOUT", "0", "1 s to 1 h"),
    ("--max-commits", "JIRA_CI_MAX_COMMITS", "0", "1 to 2147483647"),
    ("--wait", "JIRA_CI_GATE_WAIT", "-1", "0 ms to 24 h"),
]


def test_a_value_out_of_range_is_refused_naming_the_flag_and_the_range(cloud, shop):
    gate = ("gate", "--environment", "production", "--build-number", "9", "--repo", str(shop.path))
    cases, calls = [], []
    for flag, variable, value, allowed in RANGES:
        cases += [(f"{flag} {value}", (flag, allowed)), (f"{variable}={value}", (flag, allowed, variable))]
        calls += [((*gate, flag, value), dict(env=cloud.env())), (gate, dict(env=cloud.env(**{variable: value})))]
    results = run_parallel(calls)

    def check(case, result):
        assert_no_secrets(result, cloud)
        assert_one_error(result, 2, *case[1])

    each([(case, result) for case, result in zip(cases, results)], check)
    assert cloud.requests == []


# -- 10. revisions ----------------------------------------------------------------------------------------------
def test_a_range_negation_or_option_for_a_commit_is_refused_naming_the_flag(repo):
    repo.commit("OLD-1 first")
    repo.git("checkout", "-q", "-b", "topic")
    repo.commit("NEW-2 second")
    cases, calls = [], []
    for flag, variable in (("--commit", "JIRA_CI_COMMIT"), ("--since", "JIRA_CI_SINCE")):
        for revision in ("^HEAD", "HEAD..main", "HEAD...main", "--all", "-x"):
            cases += [(f"{flag}={revision}", (flag, revision)), (f"{variable}={revision}", (flag, revision))]
            calls += [(("keys", "--repo", str(repo.path), f"{flag}={revision}"), {}),
                      (("keys", "--repo", str(repo.path)), dict(env={variable: revision}))]
    results = run_parallel(calls)
    each(list(zip(cases, results)), lambda case, result: assert_one_error(result, 2, *case[1]))


# -- 11. hooks --------------------------------------------------------------------------------------------------
def test_a_configuration_mistake_in_a_hook_is_a_warning_and_never_fails_the_push(cloud, shop):
    mistakes = [{"JIRA_CI_TIMEOUT": "0"}, {"JIRA_CLIENT_SECRET": ""},   # the client ID without its secret
                {"JIRA_URL": "ftp://jira.example.com"}, {"JIRA_URL": URL_WITH_PASSWORD}]
    cases, calls = [], []
    for mistake in mistakes:
        env = cloud.env(JIRA_CI_CACHE_DIR=str(shop.path.parent / "cache"), **mistake)
        cases += [("devinfo --hook-stdin", mistake), ("devinfo, JIRA_CI_HOOK_STDIN=1", mistake)]
        calls += [(("devinfo", "--hook-stdin", "--no-outbox", "--repo", str(shop.path)),
                   dict(env=env, input=hook_line(shop))),
                  (("devinfo", "--no-outbox", "--repo", str(shop.path)),
                   dict(env=dict(env, JIRA_CI_HOOK_STDIN="1"), input=hook_line(shop)))]
    cases.append(("build --hook-stdin", mistakes[0]))
    calls.append((("build", "--hook-stdin", "--state", "successful", "--no-outbox", "--repo", str(shop.path)),
                  dict(env=cloud.env(JIRA_CI_CACHE_DIR=str(shop.path.parent / "cache"), **mistakes[0]),
                       input=hook_line(shop))))
    results = run_parallel(calls)

    def check(case, result):
        assert_no_secrets(result, cloud, URL_PASSWORD)
        assert_no_crash(result)
        assert result.code == 0, result
        assert_messages_only(result)
        assert not error_lines(result), result
        assert any("not failing the push" in line for line in result.err.splitlines()), result

    each(list(zip(cases, results)), check)
    assert cloud.requests == []


def test_a_hooks_dry_run_json_is_one_document_holding_every_branchs_build(shop):
    sha = shop.git("rev-parse", "HEAD")
    lines = f"{ZERO} {sha} refs/heads/feature/SHOP-1-cart\n{ZERO} {sha} refs/heads/feature/OPS-7-login\n"
    result = run("build", "--hook-stdin", "--dry-run", "--json", "--state", "successful", "--repo", str(shop.path),
                 input=lines)
    assert result.code == 0, result
    document = json.loads(result.out)   # the whole of stdout: one document
    assert document["dryRun"] is True
    builds = [build for request in document["requests"] for build in request["body"]["builds"]]
    branches = sorted(build["references"][0]["ref"]["name"] for build in builds)
    assert branches == ["feature/OPS-7-login", "feature/SHOP-1-cart"]
    assert {"SHOP-1", "OPS-7"} <= {key for build in builds for key in build_keys(build)}


# -- fuzz: hostile strings as a PR title and a branch -------------------------------------------------------
def test_a_value_given_with_equals_may_start_with_a_combining_mark(repo):
    """`--pr-title="$TITLE"` and `--pr-title "$TITLE"` are the same value, whatever the title's first character."""
    repo.commit("init")
    title, branch = "\u0301 SHOP-1 accents", "\u0301feature/SHOP-2"
    spaced, joined = run_parallel([
        (("keys", "--json", "--repo", str(repo.path), "--pr-title", title, "--branch", branch), {}),
        (("keys", "--json", "--repo", str(repo.path), f"--pr-title={title}", f"--branch={branch}"), {}),
    ])

    def check(form, result):
        assert result.code == 0, result
        assert result.json["keys"] == ["SHOP-2", "SHOP-1"], result
        assert result.json["sources"]["SHOP-1"] == [{"type": "pr-title", "value": title}]

    each([("--flag VALUE", spaced), ("--flag=VALUE", joined)], check)



def hostile_strings(count, seed=9):
    """Strings made to hurt: controls (C0 but NUL, DEL, C1), escape sequences, bidi overrides, combining marks,
    emoji, bytes that are not UTF-8 (lone surrogates become raw bytes in argv), key-like and huge parts."""
    rng = random.Random(seed)
    atoms = ["\x1b[31m", "\x1b]0;pwned\x07", "\x1b[2J", "\r", "\x07", "\x08", "\x0b", "\x0c", "\x7f", "\u009b",
             "\u0085", "\u202e", "\u2028", "\ufeff", "e\u0301", "\U0001F1FA\U0001F1F8", "\U0001F468\u200d\U0001F469",
             "\udcff", "\udc80", "ABC-1", "abc-12", "ABC-012", "X" * 256 + "-1", "A-1", "ÄBC-1", "_ABC-7", "«ZZ-9»",
             "%s%n", "\\u0000", '"', "\\", "{\"a\":", "'; --", "-", "--all", "\t", "\n", " ", "ﬀ", "İ", "ß",
             "CVE-2021-44228", "KEY-" + "9" * 19, "Q-" + "1" * 18]
    strings = []
    for _ in range(count):
        parts = [rng.choice(atoms) if rng.random() < 0.6 else chr(rng.randint(0x20, 0x2FFF))
                 for _ in range(rng.randint(1, 12))]
        if rng.random() < 0.05:
            parts.append("Z" * rng.randint(1000, 20000))
        strings.append("".join(parts))
    return strings


def test_200_hostile_strings_as_pr_title_and_branch_never_crash_keys_json(repo):
    repo.commit("FUZZ-1 base")
    strings = hostile_strings(200)
    pairs = list(zip(strings[0::2], strings[1::2]))

    def option(name, value):
        # As CI scripts pass them; `--name=value` only where the value would pass for an option.
        return [f"{name}={value}"] if value.startswith("-") else [name, value]

    def one(pair):
        title, branch = pair
        completed = subprocess.run([binary(), "keys", "--json", "--repo", str(repo.path), *option("--pr-title", title),
                                    *option("--branch", branch)], capture_output=True, env=clean_env(), timeout=20)
        return completed.returncode, completed.stdout, completed.stderr

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(one, pairs))

    def check(pair, outcome):
        title, branch = pair
        code, out, err = outcome
        where = f"exit {code}\nstdout: {out[:2000]!r}\nstderr: {err[:2000]!r}"
        assert code == 0, where
        for mark in CRASH_MARKS:
            assert mark.encode() not in err, where
        try:
            data = json.loads(out.decode("utf-8"))
            text_err = err.decode("utf-8")
        except ValueError as error:   # UnicodeDecodeError included
            raise AssertionError(f"not UTF-8 JSON ({error}): {where}")
        assert not RAW_CONTROL.search(text_err), f"raw control character on stderr: {where}"
        assert data["keys"][-1] == "FUZZ-1", where
        if "\udc80" not in title and "\udcff" not in title:   # valid text comes back as it was
            for key in data["keys"]:
                for source in data["sources"][key]:
                    if source["type"] == "pr-title":
                        assert source["value"] == title, where

    each(list(zip(pairs, results)), check)
