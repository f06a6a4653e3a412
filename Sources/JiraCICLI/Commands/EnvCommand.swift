import ArgumentParser
import JiraCI

struct EnvCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "env",
        abstract: "Show the CI detected and every setting jira-ci would use, with where each came from.",
        discussion: """
            It reads the environment only, as every other command does before its flags: inside the repository named
            by JIRA_CI_REPO (default: .) it also shows the pipeline id, and with JIRA_CI_ENVIRONMENT set the environment
            id, that reports would use.
            Its first line names the versions of jira-ci, libcurl and libcurl's TLS library, for bug reports.

            Examples:
              jira-ci env
              JIRA_CI_ENVIRONMENT=production jira-ci env --json
            """)

    @Flag(.json)
    var json = false

    func run() async throws {
        try await EnvRunner(json: json).run()
    }
}
