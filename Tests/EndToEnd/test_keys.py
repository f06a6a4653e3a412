"""`jira-ci keys` against real repositories: ranges, merges, bare repos, bad input."""
from conftest import Repo, run


def test_plain_output_is_one_key_per_line_and_nothing_else(repo):
    repo.commit("ABC-1 first")
    repo.git("checkout", "-q", "-b", "feature/abc-2-login")
    repo.commit("Fix DEF-3 and CVE-2021-44228, UTF-8 handling")
    result = run("keys", "--repo", str(repo.path))
    assert result.code == 0, result
    assert result.out == "ABC-2\nDEF-3\n"


def test_without_since_only_the_commit_itself_is_scanned(repo):
    repo.commit("OLD-1 long ago")
    repo.commit("NEW-2 now")
    result = run("keys", "--repo", str(repo.path), "--json")
    assert result.json["keys"] == ["NEW-2"]
    assert result.json["commitsScanned"] == 1


def test_since_scans_the_range_with_merges_newest_first(repo):
    base = repo.commit("BASE-1 base")
    repo.git("checkout", "-q", "-b", "topic")
    repo.commit("TOP-1 on topic\n\nBody mentions BODY-7.")
    repo.git("checkout", "-q", "main")
    repo.commit("MAIN-2 on main")
    repo.git("merge", "-q", "--no-ff", "topic", "-m", "Merge MERGE-3")
    result = run("keys", "--repo", str(repo.path), "--since", base, "--json")
    assert result.code == 0, result
    data = result.json
    assert data["commitsScanned"] == 3
    assert data["keys"][0] == "MERGE-3"  # the merge commit is newest
    assert set(data["keys"]) == {"MERGE-3", "MAIN-2", "TOP-1", "BODY-7"}
    assert "BASE-1" not in data["keys"]
    assert data["dropped"] == 0
    sources = data["sources"]["BODY-7"]
    assert sources[0]["type"] == "commit" and len(sources[0]["value"]) == 40


def test_order_is_explicit_branch_pr_title_then_commits(repo):
    base = repo.commit("init")
    repo.git("checkout", "-q", "-b", "feature/BR-1")
    repo.commit("CM-1 and BR-1 again")
    result = run("keys", "--repo", str(repo.path), "--since", base, "--issue", "ex-9",
                 "--pr-title", "PR-5: title", "--json")
    assert result.json["keys"] == ["EX-9", "BR-1", "PR-5", "CM-1"]
    assert [s["type"] for s in result.json["sources"]["BR-1"]] == ["branch", "commit"]
    assert result.json["sources"]["EX-9"] == [{"type": "explicit", "value": "EX-9"}]
    assert result.json["sources"]["PR-5"] == [{"type": "pr-title", "value": "PR-5: title"}]


def test_environment_variables_stand_in_for_flags(repo):
    base = repo.commit("init")
    repo.commit("ENV-1 change")
    env = {"JIRA_CI_REPO": str(repo.path), "JIRA_CI_SINCE": base, "JIRA_CI_ISSUES": "XX-1,YY-2",
           "JIRA_CI_BRANCH": "origin/feature/br-3", "JIRA_CI_PR_TITLE": "PRT-4"}
    result = run("keys", env=env)
    assert result.out.split() == ["XX-1", "YY-2", "BR-3", "PRT-4", "ENV-1"]


def test_project_allow_list_matches_any_case_and_excludes_others(repo):
    base = repo.commit("init")
    repo.commit("abc-1 lower, OTHER-2 upper, cve-2 lower")
    result = run("keys", "--repo", str(repo.path), "--since", base, "--project", "abc", "--project", "CVE")
    assert result.out.split() == ["ABC-1", "CVE-2"]
    env_result = run("keys", "--repo", str(repo.path), "--since", base, env={"JIRA_CI_PROJECTS": "other"})
    assert env_result.out.split() == ["OTHER-2"]


def test_ignore_prefix_adds_to_the_defaults(repo):
    repo.commit("BUILD-3 and ABC-4 and CVE-2020-1")
    result = run("keys", "--repo", str(repo.path), "--ignore-prefix", "build")
    assert result.out.split() == ["ABC-4"]


def test_bare_repository_with_a_named_commit(tmp_path):
    work = Repo(tmp_path / "work")
    work.commit("BARE-1 first")
    sha = work.commit("BARE-2 second")
    bare = tmp_path / "bare.git"
    import subprocess
    subprocess.run(["git", "clone", "-q", "--bare", str(work.path), str(bare)], check=True)
    result = run("keys", "--repo", str(bare), "--commit", sha, "--since", f"{sha}~1")
    assert result.code == 0, result
    assert result.out.split() == ["BARE-2"]


def test_unknown_since_warns_and_falls_back_to_the_commit(repo):
    repo.commit("AA-1 older")
    repo.commit("BB-2 newest")
    result = run("keys", "--repo", str(repo.path), "--since", "deadbeef" * 5)
    assert result.code == 0, result
    assert result.out.split() == ["BB-2"]
    assert "does not know the --since commit" in result.err


def test_detached_head_has_no_branch(repo):
    repo.commit("init")
    repo.git("checkout", "-q", "-b", "feature/DET-1")
    sha = repo.commit("no key here")
    repo.git("checkout", "-q", "--detach", sha)
    result = run("keys", "--repo", str(repo.path), "--explain")
    assert "(detached)" in result.out
    assert "DET-1" not in result.out


def test_max_commits_stops_and_says_how_many_were_left_out(repo):
    base = repo.commit("init")
    for i in range(1, 11):
        repo.commit(f"KK-{i} change")
    result = run("keys", "--repo", str(repo.path), "--since", base, "--max-commits", "4", "--json")
    assert result.json["keys"] == ["KK-10", "KK-9", "KK-8", "KK-7"]
    assert result.json["commitsScanned"] == 4
    assert "6 older commit(s)" in result.err


def test_more_than_500_keys_are_dropped_with_a_warning(repo):
    base = repo.commit("init")
    repo.commit("\n".join(f"KEY-{i}" for i in range(1, 521)))
    result = run("keys", "--repo", str(repo.path), "--since", base, "--json")
    assert len(result.json["keys"]) == 500
    assert result.json["dropped"] == 20
    assert "20 more key(s) were dropped" in result.err


def test_explain_lists_each_source(repo):
    repo.git("checkout", "-q", "-b", "feature/exp-1")
    repo.commit("EXP-1 again and EXP-2")
    result = run("keys", "--repo", str(repo.path), "--explain")
    lines = result.out.splitlines()
    assert lines[0].split() == ["KEY", "SOURCE", "FOUND", "IN"]
    assert lines[1].split() == ["EXP-1", "branch", "feature/exp-1"]
    assert lines[2].split()[0] == "commit"
    assert lines[3].split()[:2] == ["EXP-2", "commit"]


def test_no_keys_is_a_warning_unless_required(repo):
    repo.commit("nothing here")
    result = run("keys", "--repo", str(repo.path))
    assert (result.code, result.out) == (0, "")
    assert "no issue keys found" in result.err
    required = run("keys", "--repo", str(repo.path), "--require-keys")
    assert required.code == 7
    assert required.err.count("\n") == 1


def assert_one_line_error(result, code, *needles):
    assert result.code == code, result
    assert result.out == ""
    lines = result.err.strip().splitlines()
    errors = [line for line in lines if line.startswith("jira-ci: error: ")]
    assert len(errors) == 1, result
    assert all(line.startswith("jira-ci: warning: ") for line in lines if line not in errors), result
    for needle in needles:
        assert needle in errors[0], result
    assert "Fatal error" not in result.err and "Stack" not in result.err


def test_not_a_repository(tmp_path):
    assert_one_line_error(run("keys", "--repo", str(tmp_path)), 2, "is not a git repository", "--repo")


def test_unknown_commit(repo):
    repo.commit("init")
    assert_one_line_error(run("keys", "--repo", str(repo.path), "--commit", "nope"), 2, "nope", "--commit")


def test_invalid_explicit_key(repo):
    repo.commit("init")
    assert_one_line_error(run("keys", "--repo", str(repo.path), "--issue", "ABC-012"), 2, "ABC-012", "--issue")
    assert_one_line_error(run("keys", "--repo", str(repo.path), env={"JIRA_CI_ISSUES": "AA-1,bad"}), 2,
                          "JIRA_CI_ISSUES", "'bad'")


def test_invalid_numbers_and_unknown_flags(repo):
    repo.commit("init")
    assert_one_line_error(run("keys", "--repo", str(repo.path), env={"JIRA_CI_MAX_COMMITS": "lots"}), 2,
                          "JIRA_CI_MAX_COMMITS")
    assert_one_line_error(run("keys", "--repo", str(repo.path), "--max-commits", "0"), 2, "--max-commits")
    assert_one_line_error(run("keys", "--frobnicate"), 2, "--frobnicate", "jira-ci keys --help")
