/// Credentials for any flavour of Jira, as configured. Secrets stay wrapped.
public struct JiraCredentials: Sendable {
    public var cloud: ClientCredentials?

    public init(cloud: ClientCredentials? = nil) {
        self.cloud = cloud
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

    /// - Parameter dryRun: no credentials are checked and nothing is connected.
    public static func reporter(
        target: JiraTarget, credentials: JiraCredentials, settings: ConnectionSettings, dryRun: Bool
    ) throws -> any JiraReporter {
        switch target.flavor {
        case .cloud:
            let session = dryRun ? nil : try cloudSession(target: target, credentials: credentials, settings: settings)
            return CloudReporter(target: target, session: session)
        case .server:
            throw ConfigurationError.conflict("Jira Server is not supported yet")
        }
    }
}
