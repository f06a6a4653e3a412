import JiraCI
import Testing

@testable import JiraCICLI

/// The documented exit codes, decided by the executable's outcomes and the library's failure table together.
struct ExitStatusTests {
    @Test(arguments: [
        (JiraError.noGatingStatus as any Error, JiraCICLI.ExitStatus.unreachable),
        (JiraError.requestRejected(api: "builds", status: 400, detail: "bad"), .rejected),
        (JiraError.freshTokenRefused(api: "builds"), .authentication),
        (JiraError.noAPI(api: "builds"), .usage),
        (ConfigurationError.missing(.jiraURL, hint: "x"), .usage),
        (QuietExit(status: .rejected), .rejected),
        (GateError.notPassed("prevented"), .gateNotPassed),
        (NoKeysFound(where: "git"), .noKeys),
        (BackfillStopped(reason: JiraError.noGatingStatus, sent: 3), .unreachable),
    ])
    func everyOutcomeHasItsDocumentedCode(error: any Error, expected: JiraCICLI.ExitStatus) {
        #expect(JiraCICLI.ExitStatus(for: error) == expected)
    }

    @Test func softFailTurnsWhatJiraSaysIntoAWarningButNotMistakesInTheSettings() {
        #expect(JiraCICLI.ExitStatus.isSoftenable(JiraError.stillWaiting(count: 2, directory: "/outbox", cause: nil)))
        #expect(JiraCICLI.ExitStatus.isSoftenable(JiraError.noRestAPI(site: "https://jira.example.com")))
        #expect(!JiraCICLI.ExitStatus.isSoftenable(ConfigurationError.missing(.jiraURL, hint: "x")))
        #expect(!JiraCICLI.ExitStatus.isSoftenable(GateError.notPassed("prevented")))
        #expect(!JiraCICLI.ExitStatus.isSoftenable(NoKeysFound(where: "git")))
        #expect(!JiraCICLI.ExitStatus.isSoftenable(QuietExit(status: .unreachable)))
    }
}
