import ArgumentParser
import JiraCI

struct AuthCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that the credentials work and may report builds and deployments; writes nothing.",
        discussion: """
            Jira Cloud: exit 0 when both the Builds and the Deployments API may be used, 3 otherwise. Jira Server: exit 0 \
            when the credential is accepted. --dry-run shows the requests it would make and needs no credentials.
            Examples:
              JIRA_URL=https://acme.atlassian.net JIRA_CLIENT_ID=… JIRA_CLIENT_SECRET=… jira-ci auth check
              JIRA_URL=https://jira.example.com JIRA_PAT=… jira-ci auth check --json
            """)

    @OptionGroup var jira: JiraOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run() async throws {
        try await AuthCheckRunner(jira: jira, output: output).run()
    }
}
