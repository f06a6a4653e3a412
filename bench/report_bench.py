"""Reporting speed against the fake Jira Cloud on loopback: one build cold (no cache) and warm (cached token
and cloudId), with the HTTP requests each makes, and 100 reports in a row."""
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "EndToEnd"))
from fake_jira_cloud import FakeJiraCloud  # noqa: E402


def main(binary, work):
    fake = FakeJiraCloud()
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        env = dict(os.environ, GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@x", GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@x")
        subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
        subprocess.run(["git", "-C", str(repo), "commit", "-q", "--allow-empty", "-m", "BENCH-1 change"], check=True, env=env)
        env.update(fake.env(JIRA_CI_CACHE_DIR=str(Path(folder) / "cache")))
        command = [binary, "build", "--repo", str(repo), "--state", "successful", "--build-number", "1",
                   "--build-url", "https://ci.example.com/1"]

        def once():
            before = fake.count()
            start = time.perf_counter()
            subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return time.perf_counter() - start, fake.count() - before

        cold, cold_requests = once()
        warm, warm_requests = once()
        start = time.perf_counter()
        for _ in range(100):
            once()
        hundred = time.perf_counter() - start
    fake.close()
    print(f"| one `build` report, cold (no cache) | {cold * 1000:.0f} ms, {cold_requests} HTTP requests | – | |")
    print(f"| one `build` report, warm (cached token and cloudId) | {warm * 1000:.0f} ms, {warm_requests} HTTP request(s) | 1 request | "
          f"{'met' if warm_requests == 1 else 'MISSED'} |")
    print(f"| 100 reports in a row | {hundred:.2f} s ({hundred * 10:.0f} ms each) | – | |")
