"""Clean Debian root file systems, to try packages the way a user installs them.

Each suite's root is made with mmdebstrap --variant=apt (apt and what it needs, nothing more) from Debian's
archive, kept as a tarball in ${XDG_CACHE_HOME:-~/.cache}/jira-ci-tests/ and made again when older than a week;
every use extracts a fresh copy and removes it afterwards. The tarball keeps apt's package lists and the .debs of
PREFETCHED (downloaded, not installed), so a fresh copy installs them without downloading them again while its
`apt-get update` still asks the archive what is current. Needs root: chroot and mount."""
import datetime
import os
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import SUMMARY, Result

MIRROR = "http://deb.debian.org/debian"
SUITES = {"bookworm": "Debian 12", "trixie": "Debian 13"}
MAX_AGE = datetime.timedelta(days=7)
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jira-ci-tests"
PREFETCHED = ["git", "ca-certificates", "libcurl4"]
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def _fail(line):
    pytest.fail(line, pytrace=False)


def _tarball(suite):
    return CACHE / f"debian-{suite}-apt.tar"


def _make(suite, target):
    """mmdebstrap into a temporary file beside `target`, renamed when complete: a run that breaks off, or another
    test session making the same root, never leaves half a tarball in its place. Returns the seconds it took, or
    why it failed."""
    CACHE.mkdir(parents=True, exist_ok=True)
    # mmdebstrap picks its output format from the name's extension.
    partial = target.with_name(f"{target.stem}.{os.getpid()}.partial.tar")
    prefetch = f'chroot "$1" apt-get install --download-only -y -qq --no-install-recommends {" ".join(PREFETCHED)}'
    started = time.monotonic()
    try:
        completed = subprocess.run(
            ["mmdebstrap", "--variant=apt", "--skip=cleanup/apt/lists,cleanup/apt/cache",
             f"--customize-hook={prefetch}", suite, str(partial), MIRROR],
            capture_output=True, text=True, timeout=900)
        if completed.returncode != 0:
            # The first error says why (the archive unreachable, a package missing); the last only that it failed.
            errors = [line for line in completed.stderr.splitlines() if line.startswith("E: ")]
            return errors[0] if errors else f"mmdebstrap exited {completed.returncode}"
        os.replace(partial, target)
        return time.monotonic() - started
    except subprocess.TimeoutExpired:
        return "mmdebstrap took more than 15 minutes"
    finally:
        partial.unlink(missing_ok=True)


def cached_roots():
    """The tarball of each suite's clean root, made now (in parallel) where there is none or it is a week old.
    Says on the run's summary where each came from; fails with one line when a root can be neither made nor
    found in the cache."""
    if os.geteuid() != 0:
        _fail("packaging: these tests need root (mmdebstrap, chroot and mount /proc); run them as root")
    if shutil.which("mmdebstrap") is None:
        _fail("packaging: mmdebstrap is missing; install it with: scripts/setup.sh --with-test-helpers")
    now = datetime.datetime.now()
    made = {suite: datetime.datetime.fromtimestamp(_tarball(suite).stat().st_mtime)
            for suite in SUITES if _tarball(suite).exists()}
    stale = [suite for suite in SUITES if suite not in made or now - made[suite] > MAX_AGE]
    with ThreadPoolExecutor(len(SUITES)) as pool:
        outcomes = dict(zip(stale, pool.map(lambda suite: _make(suite, _tarball(suite)), stale)))
    for suite, name in SUITES.items():
        outcome = outcomes.get(suite)
        if isinstance(outcome, float):
            SUMMARY.append(f"packaging: {name} ({suite}) root built now from {MIRROR} in {outcome:.0f} s")
        elif suite in made:
            note = f"; making a new one failed: {outcome}" if outcome else ""
            SUMMARY.append(f"packaging: {name} ({suite}) root from cache (made {made[suite]:%Y-%m-%d %H:%M}){note}")
        else:
            _fail(f"packaging: cannot make a {name} ({suite}) root from {MIRROR} and none is cached in {CACHE}: "
                  f"{outcome}")
    return {suite: _tarball(suite) for suite in SUITES}


class Root:
    """A fresh copy of a cached root, with /proc mounted (`proc_mounted(False)` takes it away)."""

    def __init__(self, tarball, suite, where):
        self.suite = suite
        self.name = SUITES[suite]
        self.path = Path(tempfile.mkdtemp(prefix=f"root-{suite}-", dir=where))
        started = time.monotonic()
        subprocess.run(["tar", "-xf", str(tarball), "-C", str(self.path)], check=True)
        self.extract_seconds = time.monotonic() - started
        # apt inside resolves the archive's name the way the host does. A link there would point into the host.
        resolv = self.path / "etc" / "resolv.conf"
        resolv.unlink(missing_ok=True)
        shutil.copy("/etc/resolv.conf", resolv)
        self.proc_mounted(True)

    def proc_mounted(self, mounted):
        proc = self.path / "proc"
        if mounted and not os.path.ismount(proc):
            subprocess.run(["mount", "-t", "proc", "proc", str(proc)], check=True)
        elif not mounted and os.path.ismount(proc):
            subprocess.run(["umount", str(proc)], check=True)

    def remove(self):
        self.proc_mounted(False)
        # Never delete through a mount point: the host's /proc would be inside.
        assert not os.path.ismount(self.path / "proc"), f"{self.path}/proc is still mounted"
        shutil.rmtree(self.path)

    def run(self, *command, env=None, timeout=300) -> Result:
        """`command` inside the root, with a minimal environment of its own plus `env`."""
        environment = {"PATH": PATH, "HOME": "/root", "LANG": "C.UTF-8", "DEBIAN_FRONTEND": "noninteractive",
                       **(env or {})}
        return Result(subprocess.run(["chroot", str(self.path), *command], capture_output=True, text=True,
                                     env=environment, timeout=timeout))

    def apt(self, *arguments) -> Result:
        result = self.run("apt-get", "-q", "-y", "-o", "Dpkg::Use-Pty=0", *arguments)
        assert result.code == 0, f"{self.name}: apt-get {' '.join(arguments)} failed: {result}"
        return result

    def update(self):
        """apt-get update; when the archive cannot be reached the lists kept in the cached root still serve, and
        the run's summary says so."""
        result = self.run("apt-get", "-q", "update")
        problems = [line for line in (result.out + result.err).splitlines() if line.startswith(("W: ", "E: "))]
        if result.code != 0 or problems:
            SUMMARY.append(f"packaging: {self.name}: apt-get update: {(problems or [f'exit {result.code}'])[0]}; "
                           "the cached lists served")

    def copy_in(self, source, inside):
        target = self.path / inside.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
        return inside

    def exists(self, inside):
        return os.path.lexists(self.path / inside.lstrip("/"))

    def files_named(self, predicate):
        """Paths inside the root (not under /proc) whose file name satisfies `predicate`."""
        found = []
        for directory, subdirectories, names in os.walk(self.path):
            if Path(directory) == self.path:
                subdirectories[:] = [d for d in subdirectories if d != "proc"]
            found += ["/" + str(Path(directory, name).relative_to(self.path)) for name in names if predicate(name)]
        return found
