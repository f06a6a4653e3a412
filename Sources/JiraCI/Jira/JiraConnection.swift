/// Credentials for any flavour of Jira, as configured. Secrets stay wrapped.
public struct JiraCredentials: Sendable {
    public var cloud: ClientCredentials?
    public var server: ServerCredential?

    public init(cloud: ClientCredentials? = nil, server: ServerCredential? = nil) {
        self.cloud = cloud
        self.server = server
    }
}

/// How to reach Jira for one run: HTTP settings, retries, cache, and where warnings and traces go.
public struct ConnectionSettings: Sendable {
    public var http: HTTPOptions
    public var retries: Int
    public var cacheDirectory: String?
    public var log: ReportLog

    public init(http: HTTPOptions, retries: Int, cacheDirectory: String?, log: ReportLog) {
        self.http = http
        self.retries = retries
        self.cacheDirectory = cacheDirectory
        self.log = log
    }

    func client(secrets: [String]) throws -> HTTPClient {
        try HTTPClient(options: http, redactor: Redactor(secrets: secrets), trace: log.trace)
    }
}

/// Picks the reporter for the target's flavour, so commands never branch on it.
public enum JiraConnection {
    public static func cloudSession(target: JiraTarget, credentials: JiraCredentials, settings: ConnectionSettings) throws -> CloudSession {
        guard let cloud = credentials.cloud else {
            throw ConfigurationError.missing(.clientId, hint: "the OAuth client ID and secret (JIRA_CLIENT_SECRET) from Settings > Apps > OAuth credentials in Jira Cloud")
        }
        return CloudSession(
            target: target, credentials: cloud, client: try settings.client(secrets: [cloud.clientSecret.value]),
            retry: RetryPolicy(retries: settings.retries), cache: settings.cacheDirectory.map(TokenCache.init(directory:)),
            log: settings.log)
    }

    public static func serverSession(target: JiraTarget, credentials: JiraCredentials, settings: ConnectionSettings) throws -> ServerSession {
        guard let site = target.siteURL else {
            throw ConfigurationError.missing(.jiraURL, hint: "your Jira Server base URL, e.g. https://jira.example.com")
        }
        guard let credential = credentials.server else {
            throw ConfigurationError.missing(
                .personalAccessToken, hint: "a Jira Server credential: JIRA_PAT, or JIRA_CONSUMER_KEY with JIRA_PRIVATE_KEY(_FILE) and JIRA_ACCESS_TOKEN, or JIRA_USER with JIRA_PASSWORD")
        }
        return try ServerSession(siteURL: site, credential: credential, settings: settings)
    }

    /// - Parameter dryRun: no credentials are checked and nothing is connected.
    public static func reporter(
        target: JiraTarget, credentials: JiraCredentials, settings: ConnectionSettings, dryRun: Bool, options: ServerReportOptions
    ) throws -> any JiraReporter {
        switch target.flavor {
        case .cloud:
            let session = dryRun ? nil : try cloudSession(target: target, credentials: credentials, settings: settings)
            return CloudReporter(target: target, session: session)
        case .server:
            let session = dryRun ? nil : try serverSession(target: target, credentials: credentials, settings: settings)
            return ServerReporter(target: target, session: session, options: options)
        }
    }
}
