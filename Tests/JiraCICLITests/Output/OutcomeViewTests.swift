import Testing

@testable import JiraCI
@testable import JiraCICLI

/// What a person reads about a report Jira took, refused, or never heard of.
struct OutcomeViewTests {
    static let deployment = Deployment(
        deploymentSequenceNumber: 7, updateSequenceNumber: 1,
        associations: [.init(associationType: .issueIdOrKeys, values: ["SHOP-1", "SHOP-2"])],
        displayName: "shop #7", url: "https://ci.example.com/7", description: "deploy", label: nil, duration: nil,
        lastUpdated: "2026-01-02T03:04:05.000Z", state: .successful,
        pipeline: .init(id: "shop", displayName: "shop", url: "https://ci.example.com"),
        environment: .init(id: "production", displayName: "production", type: .production), commands: nil,
        triggeredBy: nil)
    static let report = Report(
        target: JiraTarget(flavor: .cloud, cloudId: "c"), credential: CredentialIdentity(name: "client c"),
        entity: .deployment(deployment),
        context: ReportContext(branch: "main", commitSHA: String(repeating: "a", count: 40), pipelineName: "shop"),
        createdAt: 1)

    @Test func acceptedNamesTheIssuesThatTookIt() {
        let outcome = ReportOutcome(accepted: [.string("x")], unknownIssueKeys: ["SHOP-2"])
        #expect(
            OutcomeView.lines(outcome, report: Self.report) == [
                "Jira accepted the deployment 7 to production for SHOP-1"
            ])
    }

    @Test func aHookLineSaysQueuedOnlyWhenTheReportIsInTheOutbox() {
        let answer = LastAnswer(source: .api("deployments"), status: 503, longestWait: 60)
        let down = DeliveryResult.failed(JiraError.transientAnswer(answer))
        #expect(
            PushRunner.line(Self.report, down, notQueued: nil)
                == "deployment 7 to production queued: Jira did not answer in time")
        let lost = PushRunner.line(Self.report, down, notQueued: "--no-outbox (or JIRA_CI_NO_OUTBOX) is set")
        #expect(lost.hasPrefix("deployment 7 to production not reported (Jira kept answering HTTP 503"))
        #expect(lost.hasSuffix("could not be queued: --no-outbox (or JIRA_CI_NO_OUTBOX) is set"))
        let refused = PushRunner.line(Self.report, .failed(JiraError.freshTokenRefused(api: nil)), notQueued: nil)
        #expect(
            refused == "deployment 7 to production not reported: Jira Cloud refused a fresh access token "
                + "(HTTP 401); check that the OAuth credential is still active")
    }

    @Test func aProjectHintNamesOnlyTheProjectsJiraKnew() {
        #expect(
            OutcomeView.projectHint(unknown: ["SHOP-2"], reports: [Self.report])?.contains("--project SHOP") == true)
        #expect(OutcomeView.projectHint(unknown: [], reports: [Self.report]) == nil)
    }
}
