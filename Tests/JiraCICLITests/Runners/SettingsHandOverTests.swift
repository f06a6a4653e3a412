import JiraCI
import Testing

@testable import JiraCICLI

/// A detached run gets this run's flags as the variables they stand for: nothing retyped, no secret on its
/// command line.
struct SettingsHandOverTests {
    @Test func flagsBecomeTheirVariablesAndTheCommandStays() {
        let handOver = SettingsHandOver(arguments: [
            "build", "--hook-stdin", "--state", "successful", "--jira-url=https://jira.example.com", "--client-secret",
            "s3cret",
            "--issue", "ABC-1", "--issue=ABC-2", "-v", "--hook-budget", "1s", "--continue-push", "/tmp/x.pending",
        ])
        #expect(handOver.command == ["build"])
        #expect(
            handOver.environment == [
                "JIRA_CI_HOOK_STDIN": "1", "JIRA_CI_STATE": "successful", "JIRA_URL": "https://jira.example.com",
                "JIRA_CLIENT_SECRET": "s3cret", "JIRA_CI_ISSUES": "ABC-1,ABC-2", "JIRA_CI_VERBOSE": "1",
                "JIRA_CI_HOOK_BUDGET": "1s",
            ])
        #expect(SettingsHandOver(arguments: ["auth", "check", "--json"]).command == ["auth", "check"])
    }
}
