import ArgumentParser
import JiraCI

struct DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Report a deployment to the issues its git data names (or to a service alone).",
        discussion: """
            Examples:
              jira-ci deploy --environment staging --state success --label "$VERSION"
              jira-ci deploy --environment production --state in_progress --gate --service svc-123
              jira-ci deploy --environment prod-eu --environment-type production --state rolled_back
            """)

    @OptionGroup(title: "Deployment") var deploy: DeployOptions
    @OptionGroup(title: "Deployment") var environment: EnvironmentOptions
    @OptionGroup var report: ReportCommandOptions

    func run() async throws {
        try await ReportCommandRunner(options: report) { source in
            .deployment(try deploy.settings(source, environment: environment))
        }.run()
    }
}
