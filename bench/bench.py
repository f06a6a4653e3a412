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


def peak_rss_mb(command):
    """Peak resident memory of one run, from the kernel's accounting of the finished child."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], check=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def row(name, value, target, ok):
    print(f"| {name} | {value} | {target} | {'met' if ok else 'MISSED'} |")


def keys_benchmarks(binary, scanner, work):
    repo = work / "repo"
    if not (repo / ".git").exists():
        subprocess.run([sys.executable, str(Path(__file__).parent / "make_repo.py"), str(repo), "100000"], check=True)
    root = subprocess.run(["git", "-C", str(repo), "rev-list", "--max-parents=0", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.split()[0]
    count = subprocess.run(["git", "-C", str(repo), "rev-list", "--count", "HEAD"], check=True,
                           capture_output=True, text=True).stdout.strip()
    jira_keys = [binary, "keys", "--repo", str(repo), "--since", root, "--max-commits", "200000"]
    git_log = ["git", "-C", str(repo), "log", "--format=%B", f"{root}..HEAD"]
    timed(git_log, runs=1)  # warm the page cache for both
    t_keys, t_git = timed(jira_keys), timed(git_log)
    row(f"`keys --since <root>` over {count} commits", f"{t_keys * 1000:.0f} ms vs git log {t_git * 1000:.0f} ms "
        f"({t_keys / t_git:.2f}x)", "≤ 1.2x git log", t_keys / t_git <= 1.2)

    text = work / "messages.txt"
    with open(text, "wb") as out:
        subprocess.run(git_log, check=True, stdout=out)
    grep = ["grep", "-oE", "[A-Z][A-Z0-9_]+-[1-9][0-9]*", str(text)]
    t_scan, t_grep = timed([scanner, str(text)]), timed(grep)
    size_mb = text.stat().st_size / 1e6
    row(f"extractor alone over {size_mb:.1f} MB of messages", f"{t_scan * 1000:.0f} ms vs grep -oE {t_grep * 1000:.0f} ms",
        "at least as fast as grep", t_scan <= t_grep)

    rss = peak_rss_mb(jira_keys)
    row("peak memory of that `keys` run", f"{rss:.1f} MB", "< 30 MB", rss < 30)


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
    binary, scanner, work = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    work.mkdir(parents=True, exist_ok=True)
    print("| measure | figure | target | |")
    print("|---|---|---|---|")
    keys_benchmarks(binary, scanner, work)
    startup_and_size(binary)
    if len(sys.argv) > 4:
        import report_bench
        report_bench.main(binary, work)


if __name__ == "__main__":
    main()
