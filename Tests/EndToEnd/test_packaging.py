"""The release artifacts of `make dist` as the people who install them meet them, judged by Debian's own tools.

The .deb goes into clean Debian 12 and 13 roots with `apt-get install --no-install-recommends`, so its Depends
alone must bring what the binary needs; the tarball runs in place in roots that have only its runtime needs. Both
are used there for real (keys in a repository made inside, a dry run, a report to the fake Jira Cloud on
loopback, which the chroot shares), then the package is purged. On the host: lintian, sha256sum -c, man, readelf.
The roots come from debian_roots (cached between runs); the end of the run says where each came from."""
import gzip
import os
import re
import stat
import subprocess
import time
from pathlib import Path

import pytest

import debian_roots
from conftest import ROOT, SUMMARY, assert_valid_requests, build_keys
from fake_jira_cloud import FakeJiraCloud

GIT_IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "Test",
                "GIT_COMMITTER_EMAIL": "t@example.com"}
RUN_STATE = {"XDG_STATE_HOME": "/tmp/state", "XDG_CACHE_HOME": "/tmp/cache"}
BUILD = ["--build-number", "1", "--build-url", "https://ci.example.com/job/shop/1/"]
SHOP = "/srv/shop"
# The README's apt-get line for the tarball, which the tarball's roots install.
TARBALL_RUNTIME = ["libcurl4", "git", "ca-certificates"]
LOADER_ERROR = ("jira-ci: error while loading shared libraries: libcurl.so.4: cannot open shared object file: "
                "No such file or directory")


def host(*command, cwd=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env={**os.environ, **(env or {})})


class Dist:
    def __init__(self, folder: Path, unpacked: Path):
        self.folder = folder
        [self.deb] = folder.glob("jira-ci_*.deb")
        [self.tarball] = folder.glob("jira-ci-*.tar.gz")
        [self.tree] = unpacked.iterdir()
        self.binary = self.tree / "bin" / "jira-ci"
        self.version = host(str(self.binary), "--version").stdout.splitlines()[0]

    def control(self, field):
        return host("dpkg-deb", "--field", str(self.deb), field).stdout.strip()

    def package_paths(self):
        """Every path the .deb installs, folders included, as /usr/…."""
        listing = host("dpkg-deb", "--contents", str(self.deb)).stdout.splitlines()
        return [line.split(None, 5)[5].split(" -> ")[0][1:].rstrip("/") for line in listing
                if line.split(None, 5)[5] != "./"]


@pytest.fixture(scope="session")
def dist(tmp_path_factory):
    """`make dist` of this checkout, once per session (incremental: about 20 s when the sources have not changed,
    most of it compressing the .deb)."""
    started = time.monotonic()
    made = host("make", "dist", cwd=ROOT)
    if made.returncode != 0:
        pytest.fail("packaging: make dist failed: " + " | ".join(made.stderr.strip().splitlines()[-3:]), pytrace=False)
    SUMMARY.append(f"packaging: make dist took {time.monotonic() - started:.0f} s")
    unpacked = tmp_path_factory.mktemp("tarball")
    [tarball] = (ROOT / "dist").glob("jira-ci-*.tar.gz")
    subprocess.run(["tar", "-xzf", str(tarball), "-C", str(unpacked)], check=True)
    return Dist(ROOT / "dist", unpacked)


# -- on the host ------------------------------------------------------------------------------------------------

def test_sha256sums_verify_both_artifacts(dist):
    checked = host("sha256sum", "-c", "SHA256SUMS", cwd=dist.folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert sorted(checked.stdout.splitlines()) == sorted([f"{dist.deb.name}: OK", f"{dist.tarball.name}: OK"])


def test_every_name_carries_the_version_of_version_swift(dist):
    version_swift = (ROOT / "Sources/JiraCICLI/Output/Version.swift").read_text()
    [source] = re.findall(r'static let current = "([^"]+)"', version_swift)
    debarch = host("dpkg", "--print-architecture").stdout.strip()
    machine = os.uname().machine
    assert dist.version == source
    assert dist.control("Version") == source and dist.control("Architecture") == debarch
    assert dist.deb.name == f"jira-ci_{source}_{debarch}.deb"
    assert dist.tarball.name == f"jira-ci-{source}-linux-{machine}.tar.gz"
    assert dist.tree.name == f"jira-ci-{source}-linux-{machine}"


# Each library the binary may link, as the Debian package that ships it (Debian 13's t64 packages provide these
# names), and what a symbol version the binary requires of it asks of that package: the least version, None when
# the name alone says all, or a failure for a version nobody has checked yet.
def _glibc(node):
    assert re.fullmatch(r"GLIBC_\d+(\.\d+)+", node), f"unexpected glibc symbol version {node}"
    return node.removeprefix("GLIBC_")


def _libstdcxx(node):
    # GCC 11 is the first with GLIBCXX_3.4.29 and has every CXXABI_1.3 up to .13.
    if (m := re.fullmatch(r"GLIBCXX_3\.4(?:\.(\d+))?", node)) and int(m.group(1) or 0) <= 29:
        return "11"
    if (m := re.fullmatch(r"CXXABI_1\.3(?:\.(\d+))?", node)) and int(m.group(1) or 0) <= 13:
        return "11"
    raise AssertionError(f"a newer libstdc++ is needed ({node}): raise libstdc++6 in the Depends of scripts/dist.sh")


def _libgcc(node):
    assert re.fullmatch(r"GCC_\d+(\.\d+)*", node), f"unexpected libgcc_s symbol version {node}"
    return node.removeprefix("GCC_")


def _libcurl(node):
    # libcurl4 is the OpenSSL flavour; libcurl3-gnutls (what git pulls in) versions its symbols CURL_GNUTLS_3.
    assert node == "CURL_OPENSSL_4", f"the binary wants libcurl's {node}, which package libcurl4 does not provide"


def _libcrypto(node):
    assert re.fullmatch(r"OPENSSL_3(\.\d+)+", node), f"unexpected libcrypto symbol version {node}"
    return node.removeprefix("OPENSSL_")


LIBRARIES = {"libc.so.6": ("libc6", _glibc), "libm.so.6": ("libc6", _glibc), "ld-linux": ("libc6", _glibc),
             "libstdc++.so.6": ("libstdc++6", _libstdcxx), "libgcc_s.so.1": ("libgcc-s1", _libgcc),
             "libcurl.so.4": ("libcurl4", _libcurl), "libcrypto.so.3": ("libssl3", _libcrypto)}


def _library(soname):
    return LIBRARIES.get("ld-linux" if soname.startswith("ld-linux") else soname)


def _depends(dist):
    """The Depends field as {package: least version or None}."""
    parsed = {}
    for clause in dist.control("Depends").split(","):
        m = re.fullmatch(r"\s*([a-z0-9.+-]+)(?: \(>= ([^)]+)\))?\s*", clause)
        assert m, f"a Depends clause this test does not read: {clause!r}"
        parsed[m.group(1)] = m.group(2)
    return parsed


def test_depends_name_exactly_what_the_binary_links_at_versions_that_have_every_symbol_version_it_needs(dist):
    dynamic = host("readelf", "--dynamic", "--wide", str(dist.binary)).stdout
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
    unknown = [soname for soname in needed if _library(soname) is None]
    assert not unknown, f"jira-ci now links {unknown}: add the package to Depends in scripts/dist.sh and here"
    depends = _depends(dist)
    assert set(depends) == {_library(soname)[0] for soname in needed} | {"git"}, depends

    versions = host("readelf", "--version-info", "--wide", str(dist.binary)).stdout
    requirements = re.findall(r"File: (\S+)\s+Cnt: \d+\n((?:\s+0x[0-9a-f]+:\s+Name: .*\n)+)", versions)
    assert {soname for soname, _ in requirements} <= set(needed) and requirements, versions
    for soname, block in requirements:
        package, least_for = _library(soname)
        for node in re.findall(r"Name: (\S+)", block):
            least = least_for(node)
            if least is not None:
                assert depends[package] is not None and host(
                    "dpkg", "--compare-versions", depends[package], "ge", least).returncode == 0, \
                    f"{soname} {node} needs {package} (>= {least}); Depends says {depends[package]}"


def test_lintian_finds_no_errors(dist):
    result = host("lintian", "--display-info", "--pedantic", str(dist.deb))
    tags = [line for line in result.stdout.splitlines() if re.match(r"[EWIPX]: ", line)]
    assert not [line for line in tags if line.startswith("E: ")], result.stdout + result.stderr
    by_severity = {}
    for line in tags:
        by_severity.setdefault(line[0], set()).add(line.split()[2])
    SUMMARY.append("packaging: lintian: no errors; " + "; ".join(
        f"{name}: {', '.join(sorted(by_severity[letter]))}"
        for letter, name in (("W", "warnings"), ("I", "infos"), ("P", "pedantic")) if letter in by_severity))


def test_deb_holds_the_binary_completions_man_page_and_docs_root_owned_with_package_modes(dist, tmp_path):
    listing = [line.split(None, 5) for line in host("dpkg-deb", "--contents", str(dist.deb)).stdout.splitlines()]
    assert {owner for _, owner, *_ in listing} == {"root/root"}
    modes = {name[1:]: mode for mode, _, _, _, _, name in listing if mode.startswith("-")}
    examples = {f"/usr/share/doc/jira-ci/examples/{path.relative_to(ROOT / 'ci-examples')}":
                "-rwxr-xr-x" if path.stat().st_mode & stat.S_IXUSR else "-rw-r--r--"
                for path in (ROOT / "ci-examples").rglob("*") if path.is_file()}
    assert modes == {
        "/usr/bin/jira-ci": "-rwxr-xr-x",
        "/usr/share/bash-completion/completions/jira-ci": "-rw-r--r--",
        "/usr/share/zsh/vendor-completions/_jira-ci": "-rw-r--r--",
        "/usr/share/fish/vendor_completions.d/jira-ci.fish": "-rw-r--r--",
        "/usr/share/man/man1/jira-ci.1.gz": "-rw-r--r--",
        "/usr/share/doc/jira-ci/copyright": "-rw-r--r--",
        "/usr/share/doc/jira-ci/changelog.gz": "-rw-r--r--",
        "/usr/share/doc/jira-ci/README.md.gz": "-rw-r--r--",
        **examples}
    assert {mode for mode, *_ in listing if mode.startswith("d")} == {"drwxr-xr-x"}

    subprocess.run(["dpkg-deb", "--raw-extract", str(dist.deb), str(tmp_path)], check=True)
    sums = host("md5sum", "--check", "DEBIAN/md5sums", cwd=tmp_path)
    assert sums.returncode == 0, sums.stdout + sums.stderr
    assert sorted(line.split(": ")[0] for line in sums.stdout.splitlines()) == sorted(m[1:] for m in modes)
    sections = host("readelf", "--section-headers", "--wide", str(tmp_path / "usr/bin/jira-ci")).stdout
    assert ".symtab" not in sections and ".debug_info" not in sections, "the packaged binary is not stripped"
    assert (tmp_path / "usr/share/doc/jira-ci/copyright").read_text().startswith(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n")
    changelog = gzip.decompress((tmp_path / "usr/share/doc/jira-ci/changelog.gz").read_bytes()).decode()
    assert changelog.startswith(f"jira-ci ({dist.version}) "), changelog


def test_compressed_docs_are_gzip_9n_without_name_or_date(dist, tmp_path):
    subprocess.run(["dpkg-deb", "--extract", str(dist.deb), str(tmp_path)], check=True)
    for path in ("usr/share/man/man1/jira-ci.1.gz", "usr/share/doc/jira-ci/changelog.gz",
                 "usr/share/doc/jira-ci/README.md.gz"):
        header = (tmp_path / path).read_bytes()[:10]
        flags, mtime, extra = header[3], header[4:8], header[8]
        assert not flags & 0x08, f"{path} carries a file name (gzip without -n)"
        assert mtime == b"\0\0\0\0", f"{path} carries a date (gzip without -n)"
        assert extra == 2, f"{path} is not compressed with -9"


def command_paths(binary, path=()):
    """Every command of jira-ci's --help, depth first, with its help text."""
    text = host(str(binary), *path, "--help").stdout
    yield path, text
    section = re.search(r"\nSUBCOMMANDS:\n(.*?)\n\n", text, re.S)
    for name in re.findall(r"^  ([a-z][a-z0-9-]*)\s", section.group(1), re.M) if section else []:
        yield from command_paths(binary, (*path, name))


def test_man_page_renders_cleanly_and_covers_every_command_and_flag_of_the_help(dist, tmp_path):
    page = dist.tree / "share/man/man1/jira-ci.1"
    subprocess.run(["dpkg-deb", "--extract", str(dist.deb), str(tmp_path)], check=True)
    assert gzip.decompress((tmp_path / "usr/share/man/man1/jira-ci.1.gz").read_bytes()) == page.read_bytes()
    # What lintian runs on manual pages: every groff warning on stderr.
    checked = host("man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", str(page), env={"LC_ALL": "C.UTF-8"})
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr
    rendered = host("man", "--nh", "--nj", "-l", str(page), env={"LC_ALL": "C.UTF-8", "MANWIDTH": "250"})
    assert rendered.returncode == 0 and rendered.stderr == "", rendered.stderr
    source = page.read_text()
    commands = list(command_paths(dist.binary))
    assert len(commands) >= 10, [path for path, _ in commands]
    for path, text in commands:
        if path:
            assert f".It Em {path[-1]}\n" in source, f"'jira-ci {' '.join(path)}' is missing from the man page"
        for flag in set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", text)):
            assert flag in rendered.stdout, f"{flag} of 'jira-ci {' '.join(path)}' is missing from the man page"
    assert "[env: ...]" in rendered.stdout, "the man page lost the '…' of [env: …]"


def test_bash_completion_registers_for_jira_ci(dist):
    script = dist.tree / "share/bash-completion/completions/jira-ci"
    registered = host("bash", "-c", 'source "$1" && complete -p jira-ci', "bash", str(script))
    assert registered.returncode == 0 and "jira-ci" in registered.stdout, registered.stderr


def test_make_install_installs_binary_man_page_and_completions(dist, tmp_path):
    installed = host("make", "install", f"DESTDIR={tmp_path}", "PREFIX=/usr/local", cwd=ROOT)
    assert installed.returncode == 0, installed.stderr
    prefix = tmp_path / "usr/local"
    for path in ("bin/jira-ci", "share/man/man1/jira-ci.1", "share/bash-completion/completions/jira-ci",
                 "share/zsh/site-functions/_jira-ci", "share/fish/vendor_completions.d/jira-ci.fish"):
        assert (prefix / path).is_file() and (prefix / path).stat().st_size > 0, path
    assert host(str(prefix / "bin/jira-ci"), "--version").stdout.splitlines()[0] == dist.version


def test_dist_names_every_missing_tool_and_its_package_in_one_line(tmp_path):
    """dist.sh checks its tools before building anything: here dpkg-deb and strip are missing."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("dirname", "swift", "dpkg", "readelf", "gzip", "tar", "sha256sum", "md5sum", "iconv", "git"):
        (bin_dir / tool).symlink_to(host("sh", "-c", f"command -v {tool}").stdout.strip())
    result = subprocess.run([str(ROOT / "scripts/dist.sh")], capture_output=True, text=True,
                            env={"PATH": str(bin_dir), "HOME": str(tmp_path)})
    assert result.returncode == 1
    assert result.stderr == "dist: missing dpkg-deb strip; install with: apt-get install dpkg binutils\n"


# -- in clean Debian roots --------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def roots():
    return debian_roots.cached_roots()


def use(root, jira_ci):
    """What someone does first with a freshly installed jira-ci, inside the root: the version, help, keys of a
    repository made there, a dry run, a report to a fake Jira Cloud, and env's versions."""
    for command in (["git", "init", "-q", "-b", "main", SHOP],
                    ["git", "-C", SHOP, "checkout", "-q", "-b", "feature/JCI-5-login"],
                    ["git", "-C", SHOP, "commit", "-q", "--allow-empty", "-m", "JCI-7 sign-in form"]):
        made = root.run(*command, env=GIT_IDENTITY)
        assert made.code == 0, f"{root.name}: {' '.join(command)}: {made}"
    cloud = FakeJiraCloud()
    try:
        return cloud, {
            "version": root.run(jira_ci, "--version"),
            "bare": root.run(jira_ci),
            "keys": root.run(jira_ci, "keys", "--repo", SHOP),
            "dry run": root.run(jira_ci, "build", "--dry-run", "--state", "successful", "--issue", "JCI-1", *BUILD,
                                "--json", "--repo", SHOP, env=RUN_STATE),
            "report": root.run(jira_ci, "build", "--state", "successful", *BUILD, "--repo", SHOP,
                               env={**RUN_STATE, **cloud.env()}),
            "env": root.run(jira_ci, "env", env=RUN_STATE),
            "env json": root.run(jira_ci, "env", "--json", env=RUN_STATE),
        }
    finally:
        cloud.close()


def swift_files(root):
    return root.files_named(lambda name: name in ("swift", "swiftc") or name.startswith("libswift"))


class Timer:
    def __init__(self):
        self.laps, self.last = [], time.monotonic()

    def lap(self, what):
        now = time.monotonic()
        self.laps.append(f"{what} {now - self.last:.0f} s")
        self.last = now


def deb_life(root, dist):
    """The .deb's life in a clean root: installed with apt from nothing but its Depends, used, purged."""
    timer = Timer()
    root.update()
    timer.lap("apt-get update")
    paths = dist.package_paths()
    before = {path for path in paths if root.exists(path)}
    root.apt("install", "--no-install-recommends", root.copy_in(dist.deb, f"/tmp/{dist.deb.name}"))
    timer.lap("install")
    life = {"paths": paths, "before": before,
            "installed": {path for path in paths if root.exists(path)}, "swift": swift_files(root)}
    life["cloud"], life["runs"] = use(root, "jira-ci")
    timer.lap("use")
    root.apt("purge", "jira-ci")
    life["after"] = {path for path in paths if root.exists(path)}
    life["status"] = root.run("dpkg-query", "--status", "jira-ci")
    timer.lap("purge")
    return life, timer


def tarball_life(root, dist):
    """The tarball in a clean root: unpacked in /opt and run first without libcurl, then with its runtime needs
    (TARBALL_RUNTIME, the README's apt-get line), then without /proc."""
    timer = Timer()
    root.update()
    timer.lap("apt-get update")
    subprocess.run(["tar", "-xzf", str(dist.tarball), "-C", str(root.path / "opt")], check=True)
    jira_ci = f"/opt/{dist.tree.name}/bin/jira-ci"
    # Everything but libcurl first (ca-certificates brings libssl3 where apt has not): the loader must name it.
    root.apt("install", "--no-install-recommends", *(p for p in TARBALL_RUNTIME if p != "libcurl4"))
    life = {"without libcurl": root.run(jira_ci, "--version")}
    root.apt("install", "--no-install-recommends", "libcurl4")
    timer.lap("install")
    life["swift"] = swift_files(root)
    life["cloud"], life["runs"] = use(root, jira_ci)
    root.proc_mounted(False)
    # Many times: Swift's concurrency runtime, started too early, trapped in one run of thirty or so without /proc.
    life["without /proc"] = [root.run(jira_ci, "build", "--dry-run", "--state", "successful", "--issue", "JCI-1",
                                      "--repo", SHOP)] + [root.run(jira_ci) for _ in range(100)]
    timer.lap("use")
    return life, timer


@pytest.fixture(scope="session")
def life(roots, dist, tmp_path_factory):
    """`life(kind, suite)`: what happened to the .deb or the tarball in a fresh root of the suite, lived once per
    session (the root is gone afterwards; a failure is kept and raised for every test that asks)."""
    lives = {}

    def get(kind, suite):
        if (kind, suite) not in lives:
            root = debian_roots.Root(roots[suite], suite, tmp_path_factory.getbasetemp())
            try:
                recorded, timer = {"deb": deb_life, "tarball": tarball_life}[kind](root, dist)
                SUMMARY.append(f"packaging: {root.name} {kind}: extract {root.extract_seconds:.0f} s, "
                               + ", ".join(timer.laps))
                lives[(kind, suite)] = {"root": root.name, **recorded}
            except Exception as error:
                lives[(kind, suite)] = error
            finally:
                root.remove()
        if isinstance(lives[(kind, suite)], Exception):
            raise lives[(kind, suite)]
        return lives[(kind, suite)]
    return get


SUITES = list(debian_roots.SUITES)
EITHER = [(kind, suite) for kind in ("deb", "tarball") for suite in SUITES]


@pytest.fixture(params=EITHER, ids=[f"{kind}-{suite}" for kind, suite in EITHER])
def installed(request, life):
    """Either way of installing, in either suite."""
    return life(*request.param)


@pytest.fixture(params=SUITES)
def deb(request, life):
    return life("deb", request.param)


@pytest.fixture(params=SUITES)
def tarball(request, life):
    return life("tarball", request.param)


def test_deb_installs_with_its_depends_alone_and_brings_every_file(deb):
    assert deb["installed"] == set(deb["paths"]), set(deb["paths"]) - deb["installed"]


def test_no_swift_anywhere_in_the_root(installed):
    assert installed["swift"] == [], f"{installed['root']}: {installed['swift']}"


def test_version_is_the_first_line(installed, dist):
    result = installed["runs"]["version"]
    assert result.code == 0 and result.out.splitlines()[0] == dist.version, result


def test_jira_ci_alone_still_prints_help(installed):
    result = installed["runs"]["bare"]
    assert result.code == 0 and "SUBCOMMANDS:" in result.out and result.err == "", result


def test_keys_come_from_a_repository_made_inside_the_root(installed):
    result = installed["runs"]["keys"]
    assert result.code == 0 and result.out.split() == ["JCI-5", "JCI-7"], result


def test_dry_run_previews_requests_jira_accepts(installed):
    result = installed["runs"]["dry run"]
    assert result.code == 0, result
    assert result.json["dryRun"] is True
    assert_valid_requests(result.json)
    [body] = [request["body"] for request in result.json["requests"] if request["url"].endswith("/bulk")]
    assert build_keys(body["builds"][0]) == ["JCI-1", "JCI-5", "JCI-7"]


def test_report_reaches_jira_cloud_with_a_body_its_schema_accepts(installed):
    result = installed["runs"]["report"]
    assert result.code == 0, result
    build = installed["cloud"].build("shop", 1)
    assert build["state"] == "successful" and build_keys(build) == ["JCI-5", "JCI-7"], build


def test_env_names_the_versions_of_jira_ci_and_of_the_libcurl_and_openssl_the_root_provides(installed, dist):
    text, document = installed["runs"]["env"], installed["runs"]["env json"]
    assert text.code == 0 and document.code == 0, (text, document)
    assert re.fullmatch(rf"jira-ci {re.escape(dist.version)}, libcurl \d+\.\d+\.\d+ with OpenSSL/3\.\S+",
                        text.out.splitlines()[0]), text
    assert {"settings", "ids"} <= set(document.json), document.json
    assert document.json["version"] == dist.version
    assert f"libcurl {document.json['libcurl']['version']} with {document.json['libcurl']['tls']}" in text.out


def test_purge_leaves_no_file_of_the_package(deb):
    assert deb["after"] == deb["before"], sorted(deb["after"] - deb["before"])
    assert deb["status"].code != 0, deb["status"]


def test_tarball_without_libcurl_fails_with_the_loaders_line_naming_it(tarball):
    result = tarball["without libcurl"]
    assert result.code == 127 and result.out == "", result
    assert result.err.endswith(LOADER_ERROR + "\n") and len(result.err.splitlines()) == 1, result


def test_readme_gives_the_apt_line_and_the_loader_error_the_tarball_roots_showed():
    readme = (ROOT / "README.md").read_text()
    assert f"apt-get install --no-install-recommends {' '.join(TARBALL_RUNTIME)}" in readme
    assert LOADER_ERROR in readme


def test_without_proc_every_command_line_fails_loudly(tarball):
    for result in tarball["without /proc"]:
        assert result.code == 2 and result.out == "", result
        [line] = result.err.splitlines()
        assert line.startswith("jira-ci: error: the command line could not be read") and "/proc" in line, line
