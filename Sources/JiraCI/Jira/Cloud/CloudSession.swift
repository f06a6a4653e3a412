import Synchronization

/// An authenticated conversation with the Cloud API: the token (cached across runs), the cloudId, and
/// requests that refresh the token once when Jira says it is no longer valid.
public final class CloudSession: Sendable {
    public let target: JiraTarget
    let credentials: ClientCredentials
    let transport: any HTTPTransport
    /// The run's: the secret and every token learned are hidden in all output from then on.
    let redactor: Redactor
    let retry: RetryPolicy
    let cache: TokenCache?
    let log: ReportLog
    let tokens: AccessTokens
    private let knownCloudId = Mutex<String?>(nil)
    /// This Jira answered builds by association with HTTP 400 naming `associations`: it is older than the field
    /// and takes builds' keys in the deprecated `issueKeys` only. Learnt once a run, so later builds do not
    /// ask again.
    private let buildsByIssueKeys = Mutex(false)

    public init(
        target: JiraTarget, credentials: ClientCredentials, transport: any HTTPTransport, redactor: Redactor,
        retry: RetryPolicy,
        cache: TokenCache?, log: ReportLog
    ) {
        self.target = target
        self.credentials = credentials
        self.transport = transport
        self.redactor = redactor
        self.retry = retry
        self.cache = cache
        self.log = log
        tokens = AccessTokens(
            clientId: credentials.clientId, place: target.apiURL, cache: cache, redactor: redactor, now: retry.now)
        redactor.add(credentials.clientSecret.value)
    }

    /// A valid access token: the cached one while it has a minute left, else a new one.
    /// - Parameter refused: a token Jira answered 401 to, which is not used again.
    public func token(replacing refused: String? = nil) throws -> TokenCache.CachedToken {
        try tokens.token(replacing: refused, fetch: requestToken)
    }

    private func requestToken(now: Double) throws -> TokenCache.CachedToken {
        struct Body: Encodable {
            let audience = "api.atlassian.com"
            let grantType = "client_credentials"
            let clientId: String
            let clientSecret: String

            enum CodingKeys: String, CodingKey {
                case audience
                case grantType = "grant_type"
                case clientId = "client_id"
                case clientSecret = "client_secret"
            }
        }
        let url = CloudEndpoints(apiURL: target.apiURL, cloudId: nil).token
        let body = try JSON.encode(Body(clientId: credentials.clientId, clientSecret: credentials.clientSecret.value))
        let response = try send { HTTPRequest.json("POST", url, body: body) }
        switch response.statusClass {
        case .success:
            guard let token = tokens.read(response, now: now) else {
                throw JiraError.noUsableToken(tokenURL: url)
            }
            return token
        case .unauthorized, .forbidden,
            .refused where response.status == 400:
            throw JiraError.clientCredentialsRefused(status: response.status, tokenURL: url)
        case .transient:
            throw JiraError.transientAnswer(retry.lastAnswer(response, from: .tokenEndpoint(url: url)))
        default:
            // Not an outage: the same request would get the same answer.
            throw JiraError.foreignTokenAnswer(tokenURL: url, status: response.status)
        }
    }

    /// The site's cloudId: given, cached, or asked of the site (it never changes for a site).
    public func cloudId() throws -> String {
        if let known = target.cloudId ?? knownCloudId.withLock({ $0 }) { return known }
        guard let site = target.siteURL else {
            throw ConfigurationError.missing(
                .jiraURL, hint: "your Jira Cloud site, e.g. https://acme.atlassian.net (or set JIRA_CLOUD_ID)")
        }
        if let cached = cache?.cloudId(site: site), CloudId.isValid(cached) {
            knownCloudId.withLock { $0 = cached }
            return cached
        }
        let url = "\(site)/_edge/tenant_info"
        let response = try send { HTTPRequest.json("GET", url, body: nil) }
        guard response.isSuccess, let answer = try? JSON.decode(JSONValue.self, from: response.body),
            let cloudId = answer["cloudId"]?.stringValue, CloudId.isValid(cloudId)
        else {
            if response.statusClass == .transient {
                throw JiraError.transientAnswer(retry.lastAnswer(response, from: .url(url)))
            }
            throw JiraError.noCloudId(site: site, status: response.status)
        }
        knownCloudId.withLock { $0 = cloudId }
        cache?.storeCloudId(cloudId, site: site)
        return cloudId
    }

    var takesBuildsByIssueKeysOnly: Bool {
        buildsByIssueKeys.withLock { $0 }
    }

    func learnBuildsTakeIssueKeysOnly() {
        buildsByIssueKeys.withLock { $0 = true }
    }

    public var endpoints: CloudEndpoints {
        get throws { CloudEndpoints(apiURL: target.apiURL, cloudId: try cloudId()) }
    }

    /// An API call with the bearer token. A 401 means the token was revoked or expired early: drop it, get a
    /// new one, and try once more. A second 401 is the answer (the caller explains it for its API).
    public func authorized(_ method: String, _ url: String, body: [UInt8]?) throws -> HTTPResponse {
        var token = try token()
        var response = try send {
            HTTPRequest.json(method, url, body: body, headers: [("Authorization", "Bearer \(token.accessToken)")])
        }
        if response.status == 401 {
            tokens.drop(token.accessToken)
            log.trace?("* 401 from the API: dropping the cached token and getting a new one")
            token = try self.token(replacing: token.accessToken)
            response = try send {
                HTTPRequest.json(method, url, body: body, headers: [("Authorization", "Bearer \(token.accessToken)")])
            }
        }
        return response
    }

    func send(_ request: () throws -> HTTPRequest) throws -> HTTPResponse {
        try retry.send(request, with: transport, notice: log.notice)
    }
}
