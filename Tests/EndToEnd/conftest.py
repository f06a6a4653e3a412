"""Shared helpers for end-to-end tests: the built binary, real git repositories in temporary folders."""
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

import jira_rules
from atlassian_schema import bulk_kind

ROOT = Path(__file__).resolve().parents[2]

# Lines tests leave for the end of the run: what ran and from where, which a pass or a fail does not show.
SUMMARY = []


def pytest_terminal_summary(terminalreporter):
    for line in SUMMARY:
        terminalreporter.write_line(line)


def binary() -> str:
    path = os.environ.get("JIRA_CI_BIN") or str(ROOT / ".build" / "tests" / "release" / "jira-ci")
    if not os.access(path, os.X_OK):
        pytest.exit(f"jira-ci binary not found at {path}; run scripts/test.sh, which builds it, or set JIRA_CI_BIN", 2)
    return path


class Result:
    def __init__(self, completed: subprocess.CompletedProcess):
        self.code = completed.returncode
        self.out = completed.stdout
        self.err = completed.stderr

    @property
    def json(self):
        return json.loads(self.out)

    def __repr__(self):
        return f"<exit {self.code}\nstdout:\n{self.out}\nstderr:\n{self.err}>"


# Each test gets its own state and cache folders (the outbox, backfill progress, tokens), so no test sees
# what another queued, and nothing lands in the developer's home.
_PRIVATE_DIRS = {}


@pytest.fixture(autouse=True)
def private_state(tmp_path_factory):
    _PRIVATE_DIRS["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("state"))
    _PRIVATE_DIRS["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield _PRIVATE_DIRS["XDG_STATE_HOME"]


def outbox_dir():
    """The outbox jira-ci uses in this test unless told otherwise."""
    return Path(_PRIVATE_DIRS["XDG_STATE_HOME"]) / "jira-ci" / "outbox"


def clean_env(extra=None):
    """The test's environment: nothing from the developer's shell or CI leaks into what jira-ci detects."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JIRA_", "GIT_", "JENKINS", "BUILD_", "JOB_", "GITHUB_", "GITLAB_", "CI_",
                                "BITBUCKET_", "CIRCLE", "BUILDKITE", "TEAMCITY", "TF_BUILD", "SYSTEM_", "BB_",
                                "CHANGE_", "BRANCH_NAME"))
           and k not in ("CI", "HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy", "ALL_PROXY", "NO_PROXY", "no_proxy")}
    env.update({"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.com",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1"})
    env.update(_PRIVATE_DIRS)
    env.update(extra or {})
    return env


def run(*args, env=None, cwd=None, input=None, timeout=60) -> Result:
    completed = subprocess.run([binary(), *args], capture_output=True, text=True, env=clean_env(env),
                               cwd=cwd, input=input, timeout=timeout)
    return Result(completed)


def run_parallel(calls, workers=4):
    """Runs independent invocations side by side (each is slow to start): `calls` is a list of (args, kwargs) for
    `run`; the results come back in the same order."""
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda call: run(*call[0], **call[1]), calls))


class Repo:
    """A real git repository in a temporary folder."""

    def __init__(self, path: Path, bare=False):
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main", *(["--bare"] if bare else []))
        self.counter = 0

    def git(self, *args) -> str:
        env = clean_env({"HOME": str(self.path.parent)})
        return subprocess.run(["git", "-C", str(self.path), *args], check=True, capture_output=True,
                              text=True, env=env).stdout.strip()

    def commit(self, message: str) -> str:
        self.counter += 1
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")

    def change(self, message, files=None, remove=(), date=None, author=None) -> str:
        """A commit with real file changes: `files` maps paths to new contents, `remove` lists paths to delete."""
        for path, text in (files or {}).items():
            target = self.path / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
        for path in remove:
            self.git("rm", "-q", path)
        self.git("add", "-A")
        args = ["commit", "-q", "--allow-empty", "-m", message]
        if date:
            args += ["--date", date]
        if author:
            args += ["--author", author]
        self.git(*args)
        return self.git("rev-parse", "HEAD")


GITHUB = "git@github.com:acme/shop.git"
BITBUCKET_SERVER = "https://git.example.com/scm/acme/shop.git"


def make_shop(tmp_path, remote=GITHUB, branch="feature/SHOP-1-cart", change="SHOP-2 add cart", base_files=None) -> Repo:
    """The sample repository the tests report from: `init` on main (kept as `repo.base`), then a feature branch
    whose name and one commit name issues. Each part can be left out or changed."""
    repo = Repo(tmp_path / "shop")
    if remote:
        repo.git("remote", "add", "origin", remote)
    repo.base = repo.change("init", base_files)
    if branch:
        repo.git("checkout", "-q", "-b", branch)
    if change:
        repo.commit(change)
    return repo


@pytest.fixture
def shop(tmp_path) -> Repo:
    return make_shop(tmp_path)


def central_repository(tmp_path, command) -> Repo:
    """A bare repository whose post-receive hook runs `jira-ci <command> --repo $PWD`, and a clone of it, still
    without commits, that pushes there. Returns the clone."""
    bare = tmp_path / "central.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    hook = bare / "hooks" / "post-receive"
    hook.write_text(f'#!/bin/sh\nexec "{binary()}" {command} --repo "$PWD"\n')
    hook.chmod(0o755)
    work = Repo(tmp_path / "work")
    work.git("remote", "add", "origin", str(bare))
    return work


def push(work, env, *args) -> str:
    """`git push` from the clone, returning what the hook wrote; the timeout fails a test whose hook waits on Jira."""
    completed = subprocess.run(["git", "-C", str(work.path), "push", "-q", "origin", *args], capture_output=True,
                               text=True, env=clean_env(env), timeout=30)
    assert completed.returncode == 0, completed.stderr
    return completed.stderr


def assert_no_secrets(result, *sources):
    """No secret in stdout or stderr: those of each fake in `sources` (its `secrets()`, every form it knows them
    in) and any other strings given."""
    secrets = []
    for source in sources:
        secrets += source.secrets() if hasattr(source, "secrets") else ([source] if isinstance(source, str) else list(source))
    for secret in secrets:
        assert secret not in result.out, f"secret {secret!r} in stdout: {result}"
        assert secret not in result.err, f"secret {secret!r} in stderr: {result}"


def retry_waits(result):
    """The waits jira-ci announced before retrying, in seconds."""
    return [float(seconds) for seconds in re.findall(r"retrying in (\d+(?:\.\d+)?) s", result.err)]


def is_path_safe_id_of(identifier, original):
    """Whether `identifier` is what the issue asks ids in URL paths to be for `original`: unreserved characters
    only, at most 255, the original itself when it already is such, else a readable slug of it (other characters
    become `-`) with a short hash of the original."""
    if not re.fullmatch(r"[A-Za-z0-9._~-]{1,255}", identifier):
        return False
    if re.fullmatch(r"[A-Za-z0-9._~-]{1,255}", original):
        return identifier == original
    slug = re.sub(r"[^A-Za-z0-9._~-]+", "-", original).strip("-")
    return re.fullmatch(re.escape(slug[:246]) + r"-[0-9a-f]{8}", identifier) is not None


def is_environment_id_of(identifier, name):
    """Whether `identifier` is what issue 21 asks an environment's id to be for `name`: the name lower-cased when it is
    ASCII letters and digits in dash-separated words; else a slug of the lower-cased name (other characters become
    `-`), `_` and 8 hex digits of a hash; `env-` and 16 hex digits when the name has no ASCII letter or digit."""
    lowered = name.lower()
    if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", lowered) and len(lowered) <= 255:
        return identifier == lowered
    slug = re.sub(r"[^a-z0-9]+", "-", lowered).strip("-")
    if not slug:
        return re.fullmatch(r"env-[0-9a-f]{16}", identifier) is not None
    return re.fullmatch(re.escape(slug[:246].rstrip("-")) + r"_[0-9a-f]{8}", identifier) is not None


def build_keys(build):
    """The issue keys of a build as jira-ci sends it: one issueIdOrKeys association, never the deprecated issueKeys
    field (only for a Jira that does not know associations)."""
    assert "issueKeys" not in build, build
    [association] = build["associations"]
    assert association["associationType"] == "issueIdOrKeys", build
    return association["values"]


def assert_valid_requests(result_json):
    """Checks every bulk request of a `--dry-run --json` result against what Jira accepts: Atlassian's published
    schema for its API (builds, deployments or devinfo, from the URL) and the rules the schema cannot express."""
    for request in result_json["requests"]:
        if request["url"].endswith("/bulk"):
            kind = bulk_kind(request["url"])
            assert kind, f"not a builds, deployments or devinfo bulk URL: {request['url']}"
            problems = jira_rules.errors(kind, request["body"])
            assert not problems, f"Jira would refuse this {kind} body:\n" + "\n".join(problems)


@pytest.fixture
def repo(tmp_path) -> Repo:
    return Repo(tmp_path / "shop")


@pytest.fixture
def cloud():
    """A fake Jira Cloud on loopback, closed after the test."""
    from fake_jira_cloud import FakeJiraCloud
    fake = FakeJiraCloud()
    yield fake
    fake.close()
