/// Credentials for any flavour of Jira, as configured. Secrets stay wrapped.
public struct JiraCredentials: Sendable {
    public var cloud: ClientCredentials?
    public var server: ServerCredential?

    public init(cloud: ClientCredentials? = nil, server: ServerCredential? = nil) {
        self.cloud = cloud
        self.server = server
    }

    /// Every secret value, for the redactor of the run's output.
    public var secrets: [String] {
        (cloud.map { [$0.clientSecret.value] } ?? []) + (server?.secrets ?? [])
    }

    /// Who reports go out as, for the outbox; a dry run needs no credential.
    public func identity(for flavor: JiraFlavor) -> CredentialIdentity {
        switch flavor {
        case .cloud: cloud.map { CredentialIdentity(name: "client \($0.clientId)") } ?? .none
        case .server: server?.identity ?? .none
        }
    }
}

/// How to reach Jira for one run: HTTP settings, retries, cache, the run's redactor and time budget, and where
/// warnings and traces go.
public struct ConnectionSettings: Sendable {
    public var http: HTTPSettings
    /// The retry rules, with the run's time budget; a test gives them a clock that moves only when they wait.
    public var retry: RetryPolicy
    public var cacheDirectory: String?
    public var log: ReportLog
    /// Shared with the terminal: a token learned by the HTTP layer is hidden in every later line of output.
    public var redactor: Redactor
    /// Makes each connection: libcurl in a run; a test hands in a scripted transport.
    public var transport: HTTPTransportFactory = HTTPClient.libcurl

    public init(http: HTTPSettings, retries: Int, cacheDirectory: String?, log: ReportLog, redactor: Redactor, deadline: Deadline = .none) {
        self.http = http
        self.retry = RetryPolicy(retries: retries, deadline: deadline)
        self.cacheDirectory = cacheDirectory
        self.log = log
        self.redactor = redactor
    }

    public var retries: Int {
        get { retry.retries }
        set { retry.retries = newValue }
    }

    public var deadline: Deadline {
        get { retry.deadline }
        set { retry.deadline = newValue }
    }

    func connection() throws(HTTPError) -> any HTTPTransport {
        try transport(http, redactor, log.trace)
    }
}

/// Picks the session and delivery for the target's flavour, so commands never branch on it.
public enum JiraConnection {
    public static func cloudSession(target: JiraTarget, credentials: JiraCredentials, settings: ConnectionSettings) throws -> CloudSession {
        guard let cloud = credentials.cloud else {
            throw ConfigurationError.missing(.clientId, hint: "the OAuth client ID and secret (JIRA_CLIENT_SECRET) from Settings > Apps > OAuth credentials in Jira Cloud")
        }
        return CloudSession(
            target: target, credentials: cloud, transport: try settings.connection(), redactor: settings.redactor,
            retry: settings.retry, cache: settings.cacheDirectory.map { TokenCache(directory: $0, log: settings.log) }, log: settings.log)
    }

    public static func serverSession(target: JiraTarget, credentials: JiraCredentials, settings: ConnectionSettings) throws -> ServerSession {
        guard let site = target.siteURL else {
            throw ConfigurationError.missing(.jiraURL, hint: "your Jira Server base URL, e.g. https://jira.example.com")
        }
        guard let credential = credentials.server else {
            throw ConfigurationError.missing(
                .personalAccessToken, hint: "a Jira Server/Data Center credential: JIRA_PAT, or a service account's JIRA_CLIENT_ID with JIRA_CLIENT_SECRET, or JIRA_CONSUMER_KEY with JIRA_PRIVATE_KEY(_FILE) and JIRA_ACCESS_TOKEN, or JIRA_USER with JIRA_PASSWORD")
        }
        return try ServerSession(siteURL: site, credential: credential, settings: settings)
    }

    /// A delivery that can send; for a dry run use `preview(target:options:)`, which needs no credentials.
    public static func delivery(
        target: JiraTarget, credentials: JiraCredentials, settings: ConnectionSettings, options: ServerReportSettings
    ) throws -> any JiraDelivery {
        switch target.flavor {
        case .cloud: CloudDelivery(target: target, session: try cloudSession(target: target, credentials: credentials, settings: settings))
        case .server: ServerDelivery(target: target, session: try serverSession(target: target, credentials: credentials, settings: settings), options: options)
        }
    }

    /// What previews requests without credentials or network.
    /// - Parameter credentials: what the dry run knows of them without secrets: a service account shows its
    ///   token request.
    public static func preview(target: JiraTarget, options: ServerReportSettings, credentials: JiraCredentials = JiraCredentials()) -> any JiraDelivery {
        switch target.flavor {
        case .cloud: CloudDelivery(target: target, session: nil)
        case .server: ServerDelivery(target: target, session: nil, options: options, previewCredential: credentials.server)
        }
    }
}
