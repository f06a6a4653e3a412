"""Writes a synthetic repository of N commits with realistic messages through `git fast-import`.

Messages mix issue keys, CVE ids, encodings, hashes, versions, dates, long bodies, and merge commits
(one in 25), so both the scanner and git's output look like a real project's history. Every commit changes
one or two of a few hundred files (the development-information backfill reads them with --numstat).
"""
import random
import subprocess
import sys

SUBJECTS = [
    "{key}: fix race in checkout flow",
    "{key} {key2}: refactor payment adapters",
    "Bump openssl from 3.0.1 to 3.0.2 (CVE-2022-0778)",
    "Use UTF-8 everywhere; verify SHA-256 sums",
    "Release v{major}.{minor}.{patch}",
    "Merge pull request #{pr} from acme/feature/{lkey}-search",
    "docs: explain ISO-8601 dates like 2024-03-{day:02d}",
    "chore(deps): update dependency lodash to v4.17.{patch}",
    "[{key}] tidy up logging",
    "Revert \"{key}: experiment\"",
]
BODY = [
    "The previous implementation held a lock across the network call, which made the",
    "checkout flow stall under load. This moves the call outside the critical section.",
    "See also {key} and RFC-7231 for the semantics of retries; TLS-1.3 only.",
    "Co-authored-by: Dev <dev@example.com>",
    "Signed-off-by: Dev <dev@example.com>",
]
PROJECTS = ["SHOP", "PAY", "OPS", "WEB", "CORE", "DATA"]


def key(rng):
    return f"{rng.choice(PROJECTS)}-{rng.randint(1, 9999)}"


def message(rng):
    fields = dict(key=key(rng), key2=key(rng), lkey=key(rng).lower(), major=rng.randint(1, 9), minor=rng.randint(0, 40),
                  patch=rng.randint(0, 99), pr=rng.randint(1, 20000), day=rng.randint(1, 28))
    subject = rng.choice(SUBJECTS).format(**fields)
    lines = [subject]
    if rng.random() < 0.6:
        lines.append("")
        lines += [rng.choice(BODY).format(**fields) for _ in range(rng.randint(1, 6))]
    return "\n".join(lines) + "\n"


def changes(rng, when):
    """One or two files of a few hundred, changed: what `git log --numstat` has to diff."""
    lines = []
    for _ in range(rng.randint(1, 2)):
        name = f"src/module{rng.randint(0, 39)}/file{rng.randint(0, 9)}.txt"
        text = f"{when} {rng.random()}\n".encode()
        lines.append(f"M 100644 inline {name}\ndata {len(text)}\n".encode() + text)
    return b"".join(lines)


def main(path, count):
    rng = random.Random(42)
    subprocess.run(["git", "init", "-q", "-b", "main", path], check=True)
    importer = subprocess.Popen(["git", "-C", path, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    out = importer.stdin
    when = 1_600_000_000
    mark = 0
    main_tip = None
    written = 0
    while written < count:
        when += 60
        if main_tip and written % 25 == 0 and written + 2 <= count:
            # a side-branch commit and its merge
            mark += 1
            side = mark
            text = message(rng).encode()
            out.write(f"commit refs/heads/side\nmark :{side}\ncommitter Bench <b@example.com> {when} +0000\n".encode())
            out.write(f"data {len(text)}\n".encode() + text + f"from :{main_tip}\n".encode() + changes(rng, when) + b"\n")
            mark += 1
            text = f"Merge branch 'feature/{key(rng)}'\n".encode()
            out.write(f"commit refs/heads/main\nmark :{mark}\ncommitter Bench <b@example.com> {when + 1} +0000\n".encode())
            out.write(f"data {len(text)}\n".encode() + text + f"from :{main_tip}\nmerge :{side}\n\n".encode())
            main_tip = mark
            written += 2
            continue
        mark += 1
        text = message(rng).encode()
        out.write(f"commit refs/heads/main\nmark :{mark}\ncommitter Bench <b@example.com> {when} +0000\n".encode())
        out.write(f"data {len(text)}\n".encode() + text + (f"from :{main_tip}\n" if main_tip else "").encode() + changes(rng, when) + b"\n")
        main_tip = mark
        written += 1
    out.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "-C", path, "update-ref", "-d", "refs/heads/side"], check=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
