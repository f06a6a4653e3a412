"""jira-ci's speed and memory targets, measured (not asserted): run by bench/run.sh."""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def timed(command, runs=RUNS, stdout=subprocess.DEVNULL, env=None):
    """Median wall time of `runs` runs, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb(command, env=None):
    """Peak resident memory of jira-ci's own process (VmHWM), sampled until it exits. The kernel's rusage of
    the finished child would include `git log`'s own memory, which is git's and grows with history."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    peak = 0
    status = Path(f"/proc/{process.pid}/status")
    while process.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
        time.sleep(0.002)
    return peak / 1024


def git_peak_rss_mb(command):
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], check=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def row(name, value, target, ok):
    print(f"| {name} | {value} | {target} | {'met' if ok else 'MISSED'} |")


def keys_benchmarks(binary, scanner, work):
    repo = work / "repo-with-files"
    if not (repo / ".git").exists():
        subprocess.run([sys.executable, str(Path(__file__).parent / "make_repo.py"), str(repo), "100000"], check=True)
    root = subprocess.run(["git", "-C", str(repo), "rev-list", "--max-parents=0", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.split()[0]
    count = subprocess.run(["git", "-C", str(repo), "rev-list", "--count", "HEAD"], check=True,
                           capture_output=True, text=True).stdout.strip()
    jira_keys = [binary, "keys", "--repo", str(repo), "--since", root, "--max-commits", "200000"]
    git_log = ["git", "-C", str(repo), "log", "--format=%B", f"{root}..HEAD"]
    # git writes much faster to /dev/null than into a pipe that someone reads; jira-ci reads a pipe,
    # so the fair baseline is git log into a pipe drained by cat.
    git_log_piped = ["sh", "-c", f"git -C '{repo}' log --format=%B {root}..HEAD | cat > /dev/null"]
    timed(git_log, runs=1)  # warm the page cache for both
    t_keys, t_git, t_git_null = timed(jira_keys), timed(git_log_piped), timed(git_log)
    row(f"`keys --since <root>` over {count} commits", f"{t_keys * 1000:.0f} ms vs `git log \\| cat` {t_git * 1000:.0f} ms "
        f"({t_keys / t_git:.2f}x; git log > /dev/null: {t_git_null * 1000:.0f} ms)", "≤ 1.2x git log", t_keys / t_git <= 1.2)

    text = work / "messages.txt"
    with open(text, "wb") as out:
        subprocess.run(git_log, check=True, stdout=out)
    # GNU grep stops at the first match when its output is /dev/null, so both write to a real file.
    grep = ["grep", "-oE", "[A-Z][A-Z0-9_]+-[1-9][0-9]*", str(text)]
    with open(work / "matches.txt", "w") as sink:
        t_scan, t_grep = timed([scanner, "keys", str(text)], stdout=sink), timed(grep, stdout=sink)
    size_mb = text.stat().st_size / 1e6
    row(f"extractor alone over {size_mb:.1f} MB of messages", f"{t_scan * 1000:.0f} ms vs grep -oE {t_grep * 1000:.0f} ms",
        "at least as fast as grep", t_scan <= t_grep)

    rss = peak_rss_mb(jira_keys)
    row("peak memory of that `keys` run (jira-ci's process)", f"{rss:.1f} MB (git log itself: {git_peak_rss_mb(git_log):.0f} MB)",
        "< 30 MB", rss < 30)
    return repo


def hostile_benchmarks(binary, scanner, work):
    """A 50 MB commit message full of distinct keys, and redaction of 10 MB of an answer."""
    huge = work / "huge-message"
    has_commit = subprocess.run(["git", "-C", str(huge), "rev-parse", "-q", "--verify", "HEAD"], capture_output=True)
    if has_commit.returncode != 0:   # also after a run that stopped half-way
        subprocess.run(["git", "init", "-q", "-b", "main", str(huge)], check=True)
        message = work / "huge-message.txt"
        with open(message, "w") as out:
            number = 1
            while out.tell() < 50 * 1024 * 1024:
                out.write(" ".join(f"KEY{number % 997}-{number}" for number in range(number, number + 1000)) + "\n")
                number += 1000
        env = dict(os.environ, GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@x", GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@x")
        subprocess.run(["git", "-C", str(huge), "commit", "-q", "--allow-empty", "-F", str(message)], check=True, env=env)
    rss = peak_rss_mb([binary, "keys", "--repo", str(huge), "--json"])
    row("peak memory of `keys` over one 50 MB commit message full of keys", f"{rss:.1f} MB", "< 40 MB", rss < 40)

    answer = work / "answer-10mb.txt"
    if not answer.exists():
        chunk = ('{"errors":[{"message":"bad token jci-access-token-1-e2c7b1 and hunter2-but-longer"}],"access_token":"x"}\n'
                 + "a" * 900 + "\n")
        answer.write_text(chunk * (10 * 1024 * 1024 // len(chunk)))
    milliseconds = [int(subprocess.run([scanner, "redact", str(answer)], check=True, capture_output=True, text=True).stdout.split()[1])
                    for _ in range(RUNS)]
    redact = statistics.median(milliseconds)
    row("redacting 10 MB of an answer quoting secrets", f"{redact} ms", "well under 1 s", redact < 500)


def startup_and_size(binary):
    t_help = timed([binary, "--help"], runs=30)
    row("`jira-ci --help` start-up", f"{t_help * 1000:.1f} ms", "< 20 ms", t_help < 0.020)
    with tempfile.TemporaryDirectory() as folder:
        stripped = Path(folder) / "jira-ci"
        shutil.copy(binary, stripped)
        subprocess.run(["strip", str(stripped)], check=True)
        size = stripped.stat().st_size / 1e6
    row("stripped static release binary", f"{size:.1f} MB", "< 18 MB", size < 18)


def main():
    binary, scanner, work = sys.argv[1], sys.argv[2], Path(sys.argv[3]).resolve()   # git -C resolves paths from there
    work.mkdir(parents=True, exist_ok=True)
    print("| measure | figure | target | |")
    print("|---|---|---|---|")
    repo = keys_benchmarks(binary, scanner, work)
    hostile_benchmarks(binary, scanner, work)
    startup_and_size(binary)
    if len(sys.argv) > 4:
        import report_bench
        report_bench.main(binary, work, repo)


if __name__ == "__main__":
    main()
