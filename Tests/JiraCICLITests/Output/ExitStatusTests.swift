import JiraCI
import Testing

@testable import JiraCICLI

/// The documented exit codes, decided by the executable's outcomes and the library's failure table together.
struct ExitStatusTests {
    @Test(arguments: [
        (JiraError.unavailable("down") as any Error, JiraCICLI.ExitStatus.unreachable),
        (JiraError.rejected("400"), .rejected),
        (JiraError.authenticationFailed("401"), .authentication),
        (JiraError.misconfigured("404"), .usage),
        (ConfigurationError.missing(.jiraURL, hint: "x"), .usage),
        (QuietExit(status: .rejected), .rejected),
        (GateError.notPassed("prevented"), .gateNotPassed),
        (NoKeysFound(where: "git"), .noKeys),
        (BackfillStopped(reason: JiraError.unavailable("down"), sent: 3), .unreachable),
    ])
    func everyOutcomeHasItsDocumentedCode(error: any Error, expected: JiraCICLI.ExitStatus) {
        #expect(JiraCICLI.ExitStatus(for: error) == expected)
    }

    @Test func softFailTurnsWhatJiraSaysIntoAWarningButNotMistakesInTheSettings() {
        #expect(JiraCICLI.ExitStatus.isSoftenable(JiraError.unavailable("down")))
        #expect(JiraCICLI.ExitStatus.isSoftenable(JiraError.misconfigured("no API at the site")))
        #expect(!JiraCICLI.ExitStatus.isSoftenable(ConfigurationError.missing(.jiraURL, hint: "x")))
        #expect(!JiraCICLI.ExitStatus.isSoftenable(GateError.notPassed("prevented")))
        #expect(!JiraCICLI.ExitStatus.isSoftenable(NoKeysFound(where: "git")))
        #expect(!JiraCICLI.ExitStatus.isSoftenable(QuietExit(status: .unreachable)))
    }
}
