import ArgumentParser
import JiraCI

struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Check credentials, or set up Jira Server OAuth.",
        subcommands: [AuthCheckCommand.self])
}

struct AuthCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that the credentials work and may report builds and deployments; writes nothing.",
        discussion: "Exit 0 when both the Builds and the Deployments API may be used, 3 otherwise.")

    @OptionGroup var target: TargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let source = SettingsSource.current()
        let jira = try target.target(source, hasClientId: connection.hasClientId(source), apiURL: connection.apiURL(source))
        let session = try JiraConnection.cloudSession(target: jira, credentials: connection.credentials(source), settings: connection.settings(source))
        let report = try session.check()
        if output.json {
            Terminal.output(try JSON.string(report, pretty: true))
        } else {
            Terminal.output(
                """
                Site:         \(report.site ?? "(not given)")
                cloudId:      \(report.cloudId)
                Token until:  \(report.tokenExpires)
                Builds:       \(report.builds ? "allowed" : "NOT allowed: tick Builds for the OAuth credential")
                Deployments:  \(report.deployments ? "allowed" : "NOT allowed: tick Deployments for the OAuth credential")
                """)
        }
        guard report.builds && report.deployments else {
            throw JiraError.permissionDenied("the OAuth credential may not use every API jira-ci reports to (Settings > Apps > OAuth credentials in Jira)")
        }
    }
}
