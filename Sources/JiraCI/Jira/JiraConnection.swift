/// Picks the session and delivery for the target's flavour, so commands never branch on it.
public enum JiraConnection {
    public static func cloudSession(target: JiraTarget, credentials: JiraCredentials, settings: ConnectionSettings)
        throws -> CloudSession
    {
        guard let cloud = credentials.cloud else {
            throw ConfigurationError.missing(
                .clientId,
                hint:
                    "the OAuth client ID and secret (JIRA_CLIENT_SECRET) from Settings > Apps > OAuth credentials in Jira Cloud"
            )
        }
        return CloudSession(
            target: target, credentials: cloud, transport: try settings.connection(), redactor: settings.redactor,
            retry: settings.retry, cache: settings.cacheDirectory.map { TokenCache(directory: $0, log: settings.log) },
            log: settings.log)
    }

    public static func serverSession(target: JiraTarget, credentials: JiraCredentials, settings: ConnectionSettings)
        throws -> ServerSession
    {
        guard let site = target.siteURL else {
            throw ConfigurationError.missing(.jiraURL, hint: "your Jira Server base URL, e.g. https://jira.example.com")
        }
        guard let credential = credentials.server else {
            throw ConfigurationError.missing(
                .personalAccessToken,
                hint:
                    "a Jira Server/Data Center credential: JIRA_PAT, or a service account's JIRA_CLIENT_ID with JIRA_CLIENT_SECRET, or JIRA_CONSUMER_KEY with JIRA_PRIVATE_KEY(_FILE) and JIRA_ACCESS_TOKEN, or JIRA_USER with JIRA_PASSWORD"
            )
        }
        return try ServerSession(siteURL: site, credential: credential, settings: settings)
    }

    /// A delivery that can send; for a dry run use `preview(target:options:)`, which needs no credentials.
    public static func delivery(
        target: JiraTarget, credentials: JiraCredentials, settings: ConnectionSettings, options: ServerReportSettings
    ) throws -> any JiraDelivery {
        switch target.flavor {
        case .cloud:
            CloudDelivery(
                target: target, session: try cloudSession(target: target, credentials: credentials, settings: settings))
        case .server:
            ServerDelivery(
                target: target,
                session: try serverSession(target: target, credentials: credentials, settings: settings),
                options: options)
        }
    }

    /// What previews requests without credentials or network.
    /// - Parameter credentials: what the dry run knows of them without secrets: a service account shows its
    ///   token request.
    public static func preview(
        target: JiraTarget, options: ServerReportSettings, credentials: JiraCredentials = JiraCredentials()
    ) -> any JiraDelivery {
        switch target.flavor {
        case .cloud: CloudDelivery(target: target, session: nil)
        case .server:
            ServerDelivery(target: target, session: nil, options: options, previewCredential: credentials.server)
        }
    }
}
