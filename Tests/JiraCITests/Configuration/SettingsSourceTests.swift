import Testing

@testable import JiraCI

struct SettingsSourceTests {
    @Test func flagsWinOverVariablesAndEmptyVariablesAreUnset() throws {
        let source = SettingsSource(environment: [
            "JIRA_CI_REPO": "/env", "JIRA_CI_BRANCH": "  ", "JIRA_CI_ISSUES": "A-1, B-2,,",
        ])
        #expect(source.string("/flag", .repo) == "/flag")
        #expect(source.string(nil, .repo) == "/env")
        #expect(source.string(nil, .branch) == nil)
        #expect(source.list([], .issues) == ["A-1", "B-2"])
        #expect(source.list(["C-3"], .issues) == ["C-3"])
    }

    @Test func detectedCIValuesComeLast() {
        let ci = DetectedCI(name: "Jenkins", facts: [.buildNumber: .init(value: "7", variable: "BUILD_NUMBER")])
        let source = SettingsSource(environment: [:], detected: ci)
        #expect(source.resolved(nil, .buildNumber)?.origin == .detected(ci: "Jenkins", variable: "BUILD_NUMBER"))
        let overridden = SettingsSource(environment: ["JIRA_CI_BUILD_NUMBER": "9"], detected: ci)
        #expect(overridden.string(nil, .buildNumber) == "9")
    }

    @Test func switchesAndNumbersAreValidated() {
        #expect(throws: ConfigurationError.self) {
            try SettingsSource(environment: ["JIRA_CI_MAX_COMMITS": "lots"]).value(nil as CommitLimit?, .maxCommits)
        }
        #expect(throws: ConfigurationError.self) {
            try SettingsSource(environment: ["JIRA_CI_DRY_RUN": "maybe"]).flag(false, .dryRun)
        }
        #expect((try? SettingsSource(environment: ["JIRA_CI_DRY_RUN": "TRUE"]).flag(false, .dryRun)) == true)
    }
}
