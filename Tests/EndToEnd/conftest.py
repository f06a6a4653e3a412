"""Shared helpers for end-to-end tests: the built binary, real git repositories in temporary folders."""
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def binary() -> str:
    path = os.environ.get("JIRA_CI_BIN") or str(ROOT / ".build" / "debug" / "jira-ci")
    if not os.access(path, os.X_OK):
        pytest.exit(f"jira-ci binary not found at {path}; run `swift build` first or set JIRA_CI_BIN", 2)
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


def clean_env(extra=None):
    """The test's environment: nothing from the developer's shell or CI leaks into what jira-ci detects."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JIRA_", "GIT_", "JENKINS", "BUILD_", "JOB_", "GITHUB_", "GITLAB_", "CI_",
                                "BITBUCKET_", "CIRCLE", "BUILDKITE", "TEAMCITY", "TF_BUILD", "SYSTEM_", "BB_",
                                "CHANGE_", "BRANCH_NAME"))
           and k not in ("CI", "HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy", "ALL_PROXY", "NO_PROXY", "no_proxy")}
    env.update({"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.com",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1"})
    env.update(extra or {})
    return env


def run(*args, env=None, cwd=None, input=None, timeout=60) -> Result:
    completed = subprocess.run([binary(), *args], capture_output=True, text=True, env=clean_env(env),
                               cwd=cwd, input=input, timeout=timeout)
    return Result(completed)


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
