import Testing

@testable import JiraCI

/// Every matching rule in the README, one row each.
struct IssueKeyScannerTests {
    static let prose = IssueKeyScanner()

    @Test(arguments: [
        // basic shape
        ("Fix ABC-123 login", ["ABC-123"]),
        ("AB-1", ["AB-1"]),
        ("A-1 is too short a project", []),
        ("A1B-7 digits inside", ["A1B-7"]),
        ("MY_PROJ-42 underscore inside", ["MY_PROJ-42"]),
        ("1ABC-5 must start with a letter", []),
        // issue numbers
        ("ABC-0", []),
        ("ABC-012", []),
        ("ABC-10", ["ABC-10"]),
        ("ABC-", []),
        ("ABC-x", []),
        // right neighbour
        ("ABC-12abc", []),
        ("ABC-12_x", ["ABC-12"]),
        ("ABC-12.", ["ABC-12"]),
        ("ABC-12, ABC-13; (ABC-14)!", ["ABC-12", "ABC-13", "ABC-14"]),
        ("ABC-12-DEF-3", ["ABC-12", "DEF-3"]),
        ("ABC-1é", []),
        ("ABC-1٣", []),
        // left neighbour
        ("xABC-1", []),
        ("9ABC-1", []),
        ("_ABC-1", ["ABC-1"]),
        ("[ABC-1] title", ["ABC-1"]),
        ("feature/ABC-1", ["ABC-1"]),
        ("éABC-1", []),
        ("«ABC-1»", ["ABC-1"]),
        ("日本ABC-1", []),
        ("—ABC-1—", ["ABC-1"]),
        // upper-case only in prose
        ("abc-123 lower", []),
        ("Abc-123 mixed", []),
        // default ignored prefixes
        ("CVE-2021-44228 fixed", []),
        ("UTF-8 and SHA-256 and ISO-8601 and RFC-5849", []),
        ("GHSA-4 TLS-1 SSL-3 HTTP-2 JDK-17 JSR-310 PEP-8 AES-256 CWE-79", []),
        ("dates 2024-01-02 are no keys", []),
        // duplicates are reported each time; collection dedupes
        ("ABC-1 ABC-1", ["ABC-1", "ABC-1"]),
    ])
    func prose(text: String, expected: [String]) {
        #expect(Self.prose.keys(in: text, letterCase: .upperOnly) == expected)
    }

    @Test func branchNamesMatchInAnyCaseAndAreUpperCased() {
        #expect(Self.prose.keys(in: "feature/abc-123-login", letterCase: .any) == ["ABC-123"])
        #expect(Self.prose.keys(in: "Bugfix/Proj_x-7", letterCase: .any) == ["PROJ_X-7"])
    }

    @Test func projectPartLengthIsBounded() {
        let longest = "A" + String(repeating: "B", count: 255)
        #expect(Self.prose.keys(in: "\(longest)-1", letterCase: .upperOnly) == ["\(longest)-1"])
        #expect(Self.prose.keys(in: "\(longest)B-1", letterCase: .upperOnly) == [])
    }

    @Test func allowListMatchesItsProjectsInAnyCaseAndOnlyThem() {
        let scanner = IssueKeyScanner(rules: IssueKeyRules(allowedProjects: ["abc", "CVE"]))
        #expect(
            scanner.keys(in: "abc-1 Abc-2 DEF-3 CVE-2021-44228", letterCase: .upperOnly) == [
                "ABC-1", "ABC-2", "CVE-2021",
            ])
    }

    @Test func allowListFallsBackToTheKeyAfterAnUnderscore() {
        let scanner = IssueKeyScanner(rules: IssueKeyRules(allowedProjects: ["ABC"]))
        #expect(scanner.keys(in: "foo_abc-9", letterCase: .upperOnly) == ["ABC-9"])
    }

    @Test func extraIgnoredPrefixesAddToTheDefaults() {
        let scanner = IssueKeyScanner(rules: IssueKeyRules(extraIgnoredPrefixes: ["build"]))
        #expect(scanner.keys(in: "BUILD-12 CVE-1 ABC-2", letterCase: .upperOnly) == ["ABC-2"])
    }

    @Test func explicitKeysAreValidatedAndNotSecondGuessed() {
        #expect(IssueKeyFormat.normalized("abc-12") == "ABC-12")
        #expect(IssueKeyFormat.normalized("CVE-2021") == "CVE-2021")
        #expect(IssueKeyFormat.normalized("ABC-012") == nil)
        #expect(IssueKeyFormat.normalized("ABC-1 DEF-2") == nil)
        #expect(IssueKeyFormat.normalized(" ABC-1") == nil)
        #expect(IssueKeyFormat.normalized("ABC") == nil)
        #expect(IssueKeyFormat.isProjectKey("ABC_2"))
        #expect(!IssueKeyFormat.isProjectKey("2ABC"))
    }

    @Test func branchPrefixesAreStripped() {
        #expect(BranchName.normalized("refs/heads/feature/x", remotes: []) == "feature/x")
        #expect(BranchName.normalized("origin/feature/x", remotes: []) == "feature/x")
        #expect(BranchName.normalized("refs/remotes/fork/main", remotes: []) == "main")
        #expect(BranchName.normalized("fork/main", remotes: ["fork"]) == "main")
        #expect(BranchName.normalized("feature/x", remotes: ["origin"]) == "feature/x")
    }
}
