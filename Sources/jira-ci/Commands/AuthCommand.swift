import ArgumentParser
import JiraCI

struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Check credentials, or set up Jira Server OAuth.",
        subcommands: [AuthCheckCommand.self, ServerLoginCommand.self])
}

struct AuthCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that the credentials work and may report builds and deployments; writes nothing.",
        discussion: "Jira Cloud: exit 0 when both the Builds and the Deployments API may be used, 3 otherwise. Jira Server: exit 0 when the credential is accepted.")

    @OptionGroup var target: TargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let source = SettingsSource.current()
        let jira = try target.target(source, hasClientId: connection.hasClientId(source), apiURL: connection.apiURL(source))
        let credentials = try connection.credentials(source)
        let settings = try connection.settings(source)
        switch jira.flavor {
        case .cloud:
            try checkCloud(try JiraConnection.cloudSession(target: jira, credentials: credentials, settings: settings))
        case .server:
            try checkServer(try JiraConnection.serverSession(target: jira, credentials: credentials, settings: settings))
        }
    }

    private func checkCloud(_ session: CloudSession) throws {
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

    private func checkServer(_ session: ServerSession) throws {
        let report = try session.check()
        if output.json {
            Terminal.output(try JSON.string(report, pretty: true))
        } else {
            Terminal.output(
                """
                Site:         \(report.site)
                User:         \(report.user)
                Jira version: \(report.version)
                Credential:   \(report.credential)
                """)
        }
        if report.supportsPersonalAccessTokens && !session.credential.isPersonalAccessToken {
            Terminal.warning("this Jira (\(report.version)) supports personal access tokens: simpler to manage than OAuth or passwords (set JIRA_PAT)")
        }
    }
}
