"""Reporting against the fake Jira Cloud on loopback: one build cold and warm, 100 in a row; a hook push of 20
branches to a Jira that hangs and to a healthy one; a flush of 1,000 queued builds; a backfill of the synthetic
100,000-commit history. The fake's schema validation is off here, so the figures time jira-ci, not the validator."""
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "EndToEnd"))
from fake_jira_cloud import FakeJiraCloud  # noqa: E402
from jira_rules import issue_keys  # noqa: E402

from bench import peak_rss_mb, row  # noqa: E402

GIT = {"GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@x", "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@x"}


def fake_cloud():
    fake = FakeJiraCloud()
    fake.validate = False
    return fake


def environment(fake, folder):
    return dict(os.environ, **GIT, **fake.env(JIRA_CI_CACHE_DIR=str(folder / "cache")), XDG_STATE_HOME=str(folder / "state"))


def one_commit_repository(folder, name, message, env):
    """A fresh repository holding one empty commit with `message`."""
    repo = folder / name
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "--allow-empty", "-m", message], check=True, env=env)
    return repo


def single_reports(binary, folder):
    fake = fake_cloud()
    env = environment(fake, folder)
    repo = one_commit_repository(folder, "single", "BENCH-1 change", env)
    command = [binary, "build", "--repo", str(repo), "--state", "successful", "--build-number", "1", "--build-url", "https://ci.example.com/1"]

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
    row("one `build` report, cold (no cache)", f"{cold * 1000:.0f} ms, {cold_requests} HTTP requests", "–", True)
    row("one `build` report, warm (cached token and cloudId)", f"{warm * 1000:.0f} ms, {warm_requests} HTTP request(s)", "1 request", warm_requests == 1)
    row("100 reports in a row, warm", f"{hundred:.2f} s ({hundred * 10:.0f} ms each)", "–", True)


def pushed_repository(binary, folder, name, branches=20):
    """A bare repository with a post-receive hook reporting builds, and a clone with `branches` new branches."""
    bare = folder / f"{name}.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    hook = bare / "hooks" / "post-receive"
    hook.write_text(f'#!/bin/sh\nexec "{binary}" build --hook-stdin --state successful --repo "$PWD" --repository-url https://git.example.com/{name}\n')
    hook.chmod(0o755)
    work = folder / f"{name}-work"
    subprocess.run(["git", "init", "-q", "-b", "main", str(work)], check=True)
    subprocess.run(["git", "-C", str(work), "remote", "add", "origin", str(bare)], check=True)
    subprocess.run(["git", "-C", str(work), "commit", "-q", "--allow-empty", "-m", "init"], check=True, env=dict(os.environ, **GIT))
    for number in range(1, branches + 1):
        subprocess.run(["git", "-C", str(work), "checkout", "-q", "-b", f"feature/HOOK-{number}", "main"], check=True)
        subprocess.run(["git", "-C", str(work), "commit", "-q", "--allow-empty", "-m", f"HOOK-{number} change"], check=True,
                       env=dict(os.environ, **GIT))
    return work, [f"feature/HOOK-{number}" for number in range(1, branches + 1)]


def hook_pushes(binary, folder):
    # A Jira that accepts connections and never answers: the push must return within the hook's budget.
    fake = fake_cloud()
    work, branches = pushed_repository(binary, folder, "hung")
    for _ in range(10):
        fake.hang("/")
    env = environment(fake, folder)
    start = time.perf_counter()
    subprocess.run(["git", "-C", str(work), "push", "-q", "origin", *branches], check=True, env=env, capture_output=True)
    push = time.perf_counter() - start
    fake.go_down()   # the hung answers give up; Jira comes back healthy
    fake.faults.clear()
    fake.come_back()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(fake.builds) < len(branches):
        time.sleep(0.2)
    delivered, after = len(fake.builds), time.perf_counter() - start
    fake.close()
    row("push of 20 branches to a hook whose Jira accepts connections and never answers", f"{push:.2f} s", "≤ 4 s", push <= 4)
    row("those 20 reports once Jira answers again (detached flush)", f"{delivered} of 20 delivered, {after:.1f} s after the push",
        "all 20", delivered == 20)

    fake = fake_cloud()
    work, branches = pushed_repository(binary, folder, "healthy")
    env = environment(fake, folder)
    subprocess.run(["git", "-C", str(work), "push", "-q", "origin", *branches], check=True, env=env, capture_output=True)
    bulk, total = fake.count("/bulk"), fake.count()
    fake.close()
    row("push of 20 branches to a healthy Jira", f"{bulk} bulk request(s) ({total} in all, cold)", "1 bulk request", bulk == 1)


def mirror_repository(binary, folder, name, command, count):
    """A bare repository whose post-receive hook runs `command` with a 1 s budget, and a clone holding `count`
    new branches of one commit each (made in one git fast-import)."""
    bare = folder / f"{name}.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    hook = bare / "hooks" / "post-receive"
    hook.write_text(f'#!/bin/sh\nexec "{binary}" {command} --hook-budget 1s --repo "$PWD" '
                    f'--repository-url https://git.example.com/{name}\n')
    hook.chmod(0o755)
    work = folder / f"{name}-work"
    subprocess.run(["git", "init", "-q", "-b", "main", str(work)], check=True)
    subprocess.run(["git", "-C", str(work), "remote", "add", "origin", str(bare)], check=True)
    subprocess.run(["git", "-C", str(work), "commit", "-q", "--allow-empty", "-m", "init"], check=True, env=dict(os.environ, **GIT))
    stream = []
    for number in range(1, count + 1):
        message = f"MIRROR-{number} change\n".encode()
        stream += [f"commit refs/heads/feature/MIRROR-{number}\ncommitter b <b@x> {1_700_000_000 + number} +0000\n".encode(),
                   f"data {len(message)}\n".encode() + message, b"from refs/heads/main\n\n"]
    subprocess.run(["git", "-C", str(work), "fast-import", "--quiet"], input=b"".join(stream), check=True)
    return work


def reported_keys(fake):
    with fake.lock:
        builds = {key for build in fake.builds.values() for key in issue_keys(build)}
        commits = {key for stored in fake.repositories.values() for commit in stored["commits"].values() for key in commit["issueKeys"]}
    return builds | commits


def big_pushes(binary, folder):
    """A mirror push of 1,000 new branches with a 1 s budget: to a healthy Jira, and to one that never answers
    until the push is over. Every branch must arrive, inline or by the detached run."""
    cases = [("build, healthy Jira", "build --hook-stdin --state successful", False),
             ("build, Jira never answers during the push", "build --hook-stdin --state successful", True),
             ("devinfo, healthy Jira", "devinfo --hook-stdin", False)]
    for index, (label, command, hung) in enumerate(cases):
        fake = fake_cloud()
        work = mirror_repository(binary, folder, f"mirror{index}", command, 1000)
        env = environment(fake, folder / f"mirror{index}-home")
        if hung:
            for _ in range(1000):
                fake.hang("/bulk")
        start = time.perf_counter()
        subprocess.run(["git", "-C", str(work), "push", "-q", "--all", "origin"], check=True, env=env, capture_output=True)
        push = time.perf_counter() - start
        if hung:
            fake.go_down()
            with fake.lock:
                fake.faults.clear()
            fake.come_back()
        expected = {f"MIRROR-{number}" for number in range(1, 1001)}
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and not expected <= reported_keys(fake):
            time.sleep(0.2)
        delivered, after = len(expected & reported_keys(fake)), time.perf_counter() - start
        # The detached run ends once it has sent everything; the next case starts on a quiet machine.
        while subprocess.run(["pgrep", "-f", "--", "--continue-push"], capture_output=True).returncode == 0:
            time.sleep(0.2)
        fake.close()
        row(f"push of 1,000 new branches, `{command.split()[0]}` hook, 1 s budget: {label}",
            f"{push:.2f} s; {delivered} of 1,000 delivered, the last {after:.1f} s after the push began",
            "≤ 2 s, all 1,000", push <= 2 and delivered == 1000)


def token_memory(binary, folder):
    fake = fake_cloud()
    env = environment(fake, folder / "token")
    repo = one_commit_repository(folder, "token", "TOKEN-1 change", env)
    fake.fault("/oauth/token", status=200, body={"access_token": "t" * (1 << 20), "expires_in": 3600, "token_type": "Bearer"})
    rss = peak_rss_mb([binary, "build", "--repo", str(repo), "--state", "successful", "--build-number", "1", "--retries", "0",
                       "--build-url", "https://ci.example.com/1", "--verbose"], env=env)
    fake.close()
    row("peak memory of a report whose token endpoint answers a 1 MB access_token", f"{rss:.1f} MB", "< 40 MB", rss < 40)


def flush_thousand(binary, folder):
    fake = fake_cloud()
    env = environment(fake, folder)
    repo = one_commit_repository(folder, "flush", "FLUSH-1 change", env)
    fake.go_down()
    subprocess.run([binary, "build", "--repo", str(repo), "--state", "successful", "--build-number", "1", "--retries", "0",
                    "--build-url", "https://ci.example.com/1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    outbox = folder / "state" / "jira-ci" / "outbox"
    [queued] = list(outbox.glob("*.json"))
    report = json.loads(queued.read_text())
    for number in range(2, 1001):
        report["entity"]["build"]["buildNumber"] = number
        report["createdAt"] += 1
        (outbox / f"{report['createdAt']:017d}-bench{number:04d}.json").write_text(json.dumps(report))
    fake.come_back()
    start = time.perf_counter()
    subprocess.run([binary, "flush"], check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    bulk, builds = fake.count("/bulk"), len(fake.builds)
    fake.close()
    row("`flush` of 1,000 queued builds", f"{bulk} bulk requests, {builds} builds stored, {elapsed:.2f} s", "≤ 10 requests", bulk <= 10 and builds == 1000)


def backfill(binary, folder, repo):
    fake = fake_cloud()
    env = environment(fake, folder)
    command = [binary, "devinfo", "--backfill", "--repo", str(repo), "--repository-url", "https://github.com/acme/bench"]
    numstat = ["git", "-C", str(repo), "log", "--numstat"]
    subprocess.run(numstat, check=True, stdout=subprocess.DEVNULL)  # warm the page cache
    start = time.perf_counter()
    subprocess.run(numstat, check=True, stdout=subprocess.DEVNULL)
    git = time.perf_counter() - start
    start = time.perf_counter()
    rss = peak_rss_mb(command, env=env)
    elapsed = time.perf_counter() - start
    keyed = sum(len(stored["commits"]) for stored in fake.repositories.values())
    requests = fake.count("/devinfo/")
    fake.close()
    shutil.rmtree(folder / "state", ignore_errors=True)
    row("`devinfo --backfill` of the 100,000-commit history", f"{requests} requests for {keyed} commits with keys "
        f"(ceil/400 = {math.ceil(keyed / 400)})", "≤ ceil(keyed / 400) + branches", requests <= math.ceil(keyed / 400) + 1)
    row("its wall time", f"{elapsed:.1f} s vs `git log --numstat` {git:.1f} s ({elapsed / git:.2f}x)", "≤ 2x", elapsed <= 2 * git)
    row("its peak memory (jira-ci's process)", f"{rss:.1f} MB", "< 40 MB", rss < 40)


def main(binary, work, repo):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        single_reports(binary, folder)
        hook_pushes(binary, folder)
        big_pushes(binary, folder)
        token_memory(binary, folder)
        flush_thousand(binary, folder)
        backfill(binary, folder, repo)
