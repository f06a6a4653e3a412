import JiraCI

/// `auth check`: whether the credentials are accepted and may use the APIs jira-ci reports to.
struct AuthCheckRunner {
    let jira: JiraOptions
    let output: OutputOptions

    func run() async throws {
        let source = SettingsSource.current()
        let dryRun = try jira.target.isDryRun(source)
        let site = try TargetResolver(options: jira, source: source).target(dryRun: dryRun)
        let json = try output.isJSON(source)
        if dryRun {
            let serviceAccount = CredentialsResolver(options: jira.credentials, source: source).serviceAccountClientId
            let requests =
                site.flavor == .cloud
                ? CloudSession.checkPreview(target: site)
                : ServerSession.checkPreview(site: site.siteURL, serviceAccount: serviceAccount)
            return try DryRunView.show(requests, target: site, json: json)
        }
        let credentials = try CredentialsResolver(options: jira.credentials, source: source).credentials(
            flavor: site.flavor)
        let settings = try ConnectionResolver(options: jira.network, source: source).connection(target: site)
        switch site.flavor {
        case .cloud:
            try checkCloud(
                try JiraConnection.cloudSession(target: site, credentials: credentials, settings: settings), json: json)
        case .server:
            try checkServer(
                try JiraConnection.serverSession(target: site, credentials: credentials, settings: settings), json: json
            )
        }
    }

    private func checkCloud(_ session: CloudSession, json: Bool) throws {
        let report = try session.check()
        if json {
            try Terminal.json(report)
        } else {
            Terminal.output([
                "Site:         \(report.site ?? "(not given)")",
                "cloudId:      \(report.cloudId)",
                "Token until:  \(report.tokenExpires)",
                "Builds:       \(report.builds ? "allowed" : "NOT allowed: tick Builds for the OAuth credential")",
                "Deployments:  \(report.deployments ? "allowed" : "NOT allowed: tick Deployments for the OAuth credential")",
            ])
        }
        guard report.builds && report.deployments else {
            throw JiraError.someAPIsForbidden
        }
    }

    private func checkServer(_ session: ServerSession, json: Bool) throws {
        let report = try session.check()
        if json {
            try Terminal.json(report)
        } else {
            Terminal.output([
                "Site:         \(report.site)",
                "User:         \(report.user)",
                "Jira version: \(report.version)",
                "Credential:   \(report.credential)",
            ])
        }
        if report.supportsPersonalAccessTokens && !session.credential.isPersonalAccessToken {
            Terminal.warning(
                "this Jira (\(report.version)) supports personal access tokens: simpler to manage than OAuth or passwords (set JIRA_PAT)"
            )
        }
    }
}
