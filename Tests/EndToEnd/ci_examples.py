"""What the tests of ci-examples/ share: each ecosystem's own checkers (check-jsonschema with the CI's published schema,
shellcheck, actionlint), running the commands a file holds as the CI's shell would (jira-ci on PATH, in a real
repository), a small evaluator of the conditions the files declare, and what the fake Jira received."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, binary, clean_env

EXAMPLES = ROOT / "ci-examples"
VENV_BIN = Path(sys.executable).parent

# Any download a checker tried would go to a closed port and fail the check: the schemas are vendored.
NO_NETWORK = {name: "http://127.0.0.1:9" for name in ("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy",
                                                      "ALL_PROXY", "all_proxy")}


def checker(name):
    path = VENV_BIN / name if (VENV_BIN / name).exists() else shutil.which(name)
    assert path, f"{name} is missing: scripts/setup.sh --with-test-helpers installs it"
    return str(path)


def check_schema(path, schema, *options):
    """check-jsonschema with the CI's schema as the check-jsonschema package vendors it."""
    command = [checker("check-jsonschema"), *options, "--builtin-schema", f"vendor.{schema}", str(path)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300, env={**os.environ, **NO_NETWORK})
    assert completed.returncode == 0, f"{path.name} against vendor.{schema}:\n{completed.stdout}{completed.stderr}"


def shellcheck(script, shell, what):
    """shellcheck on a script as the CI's shell receives it."""
    completed = subprocess.run([checker("shellcheck"), f"--shell={shell}", "-"], input=script, capture_output=True,
                               text=True, timeout=60)
    assert completed.returncode == 0, f"shellcheck of {what}:\n{script}\n{completed.stdout}{completed.stderr}"


def path_with_jira_ci():
    return f"{Path(binary()).parent}:{os.environ['PATH']}"


def run_script(script, cwd, env, shell=("sh", "-c"), check=True, timeout=60):
    """Runs one script the way the CI would: its shell, in the checkout, with jira-ci on PATH and nothing else of the
    test's environment (clean_env)."""
    completed = subprocess.run([*shell, script], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                               env=clean_env({**env, "PATH": env.get("PATH", path_with_jira_ci())}))
    if check:
        assert completed.returncode == 0, (script, completed.stdout, completed.stderr)
    return completed


def is_jira(command):
    return re.search(r"(^|[\s;&|(])jira-ci\s", command) is not None


def build_states(cloud, number):
    """The states Jira received for a build number, in the order they were sent."""
    return [build["state"] for body in cloud.bodies("/jira/builds/0.1/") for build in body["builds"]
            if build["buildNumber"] == number]


def deployment_states(cloud, number):
    return [deployment["state"] for body in cloud.bodies("/jira/deployments/0.1/") for deployment in body["deployments"]
            if deployment["deploymentSequenceNumber"] == number]


def the_deployment(cloud):
    [deployment] = cloud.deployments.values()
    return deployment


def release_repo(repo):
    """The sample repository on its default branch, after a release: `v1.0` tags the first commit, then SHOP-2's
    branch is merged and SHOP-4 follows on main."""
    repo.git("tag", "v1.0", repo.base)
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge feature/SHOP-1-cart", "feature/SHOP-1-cart")
    repo.commit("SHOP-4 release notes")
    return repo.git("rev-parse", "HEAD")


# -- conditions -------------------------------------------------------------------------------------------------------

TOKEN = re.compile(r"""\s*(?:(?P<string>'(?:[^']|'')*'|"[^"]*")|(?P<number>\d+(?:\.\d+)?)
                       |(?P<op>==|!=|&&|\|\||[!(),\[\]])|(?P<name>\$?[A-Za-z_][\w.\-]*))""", re.X)


def evaluate(expression, lookup, functions=None):
    """Evaluates the simple conditions the examples use, in the CIs' common syntax: names (GitHub's contexts,
    GitLab's $VARIABLES, Buildkite's build.branch), 'strings' and "strings", ==, !=, !, &&, || (which return an
    operand, as GitHub's do), parentheses, function calls (always(), format(…), Azure's and(…)/eq(…)) and indexing
    (variables['Build.SourceBranch']). `lookup(name)` gives a name's value (None when unset)."""
    functions = functions or {}
    tokens, position = [], 0
    while position < len(expression.rstrip()):
        match = TOKEN.match(expression, position)
        assert match and match.end() > position, f"cannot read {expression!r} at {position}"
        tokens.append((match.lastgroup, match.group(match.lastgroup)))
        position = match.end()
    tokens.append(("end", ""))
    index = 0

    def take(value=None):
        nonlocal index
        kind, text = tokens[index]
        assert value is None or text == value, f"expected {value!r} in {expression!r}, found {text!r}"
        index += 1
        return kind, text

    def peek():
        return tokens[index][1]

    def primary():
        kind, text = take()
        if text == "!":
            return not truthy(primary())
        if text == "(":
            value = either()
            take(")")
            return value
        if kind == "string":
            return text[1:-1].replace("''", "'") if text[0] == "'" else text[1:-1]
        if kind == "number":
            return text
        assert kind == "name", f"unexpected {text!r} in {expression!r}"
        if peek() == "(":
            take("(")
            arguments = []
            while peek() != ")":
                arguments.append(either())
                if peek() == ",":
                    take(",")
            take(")")
            assert text in functions, f"no function {text}() in this CI's model"
            return functions[text](*arguments)
        if peek() == "[":
            take("[")
            key = either()
            take("]")
            return lookup(f"{text}[{key}]")
        return lookup(text)

    def comparison():
        left = primary()
        while peek() in ("==", "!="):
            operator = take()[1]
            right = primary()
            equal = (left or "") == (right or "")
            left = equal if operator == "==" else not equal
        return left

    def both():
        left = comparison()
        while peek() == "&&":
            take("&&")
            right = comparison()
            left = right if truthy(left) else left
        return left

    def either():
        left = both()
        while peek() == "||":
            take("||")
            right = both()
            left = left if truthy(left) else right
        return left

    value = either()
    take("")
    return value


def truthy(value):
    return value not in (None, "", False)
