"""The README and the code must not disagree about variables, exit codes and the test command."""
import re

from conftest import ROOT


def test_every_variable_is_documented_in_the_readme():
    source = (ROOT / "Sources/JiraCI/Configuration/Variable.swift").read_text()
    variables = re.findall(r'case \w+ = "(JIRA[A-Z_]*)"', source)
    readme = (ROOT / "README.md").read_text()
    assert len(variables) > 40
    assert [v for v in variables if f"`{v}`" not in readme] == []


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "scripts/test.sh" in readme.split("## Install")[0]
    assert "scripts/test.sh" in (ROOT / ".ci/run").read_text()
