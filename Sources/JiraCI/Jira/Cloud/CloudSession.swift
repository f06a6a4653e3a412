import Synchronization

/// OAuth 2.0 client credentials for Jira Cloud: a client ID and its secret, created by a site admin under
/// Settings > Apps > OAuth credentials.
public struct ClientCredentials: Sendable {
    public let clientId: String
    public let clientSecret: Secret

    public init(clientId: String, clientSecret: Secret) {
        self.clientId = clientId
        self.clientSecret = clientSecret
    }
}

/// An authenticated conversation with the Cloud API: the token (cached across runs), the cloudId, and
/// requests that refresh the token once when Jira says it is no longer valid.
public final class CloudSession: Sendable {
    /// A token answer claiming more than this is not believed: the token is used at most this long.
    static let longestTokenLife: Double = 24 * 3600
    /// Atlassian's access tokens are JWTs of a KiB or two; a longer "token" is no answer of its token endpoint,
    /// and every secret costs the output's redactor memory in proportion to its length.
    public static let longestToken = 16 * 1024

    public let target: JiraTarget
    let credentials: ClientCredentials
    let transport: any HTTPTransport
    /// The run's: the secret and every token learned are hidden in all output from then on.
    let redactor: Redactor
    let retry: RetryPolicy
    let cache: TokenCache?
    let log: ReportLog
    private let state = Mutex<(token: TokenCache.CachedToken?, cloudId: String?)>((nil, nil))
    /// This Jira answered builds by association with HTTP 400 naming `associations`: it is older than the field
    /// and takes builds' keys in the deprecated `issueKeys` only. Learnt once a run, so later builds do not
    /// ask again.
    private let buildsByIssueKeys = Mutex(false)

    public init(
        target: JiraTarget, credentials: ClientCredentials, transport: any HTTPTransport, redactor: Redactor, retry: RetryPolicy,
        cache: TokenCache?, log: ReportLog
    ) {
        self.target = target
        self.credentials = credentials
        self.transport = transport
        self.redactor = redactor
        self.retry = retry
        self.cache = cache
        self.log = log
        redactor.add(credentials.clientSecret.value)
    }

    /// A valid access token: the cached one while it has a minute left, else a new one.
    public func token(forceRefresh: Bool = false) throws -> TokenCache.CachedToken {
        let now = retry.now()
        if !forceRefresh {
            if let token = state.withLock({ $0.token }), token.expiresAt - TokenCache.expiryMargin > now { return token }
            if let cached = cache?.token(clientId: credentials.clientId, apiURL: target.apiURL, now: now) {
                redactor.add(cached.accessToken)
                state.withLock { $0.token = cached }
                return cached
            }
        }
        let token = try requestToken(now: now)
        state.withLock { $0.token = token }
        cache?.store(token)
        return token
    }

    private func requestToken(now: Double) throws -> TokenCache.CachedToken {
        struct Body: Encodable {
            let audience = "api.atlassian.com"
            let grant_type = "client_credentials"
            let client_id: String
            let client_secret: String
        }
        let url = CloudEndpoints(apiURL: target.apiURL, cloudId: nil).token
        let body = try JSON.encode(Body(client_id: credentials.clientId, client_secret: credentials.clientSecret.value))
        let response = try send { HTTPRequest.json("POST", url, body: body) }
        switch response.statusClass {
        case .success:
            let answer = try? JSON.decode(JSONValue.self, from: response.body)
            guard let accessToken = answer?["access_token"]?.stringValue, Secret(accessToken).isHeaderSafe,
                accessToken.utf8.count <= Self.longestToken
            else {
                throw JiraError.unavailable("the token endpoint \(url) answered without a usable access token")
            }
            redactor.add(accessToken)
            return TokenCache.CachedToken(
                accessToken: accessToken, expiresAt: now + Self.lifetime(answer?["expires_in"]),
                clientId: credentials.clientId, apiURL: target.apiURL)
        case .unauthorized, .forbidden,
            .refused where response.status == 400:
            throw JiraError.authenticationFailed(
                "Atlassian refused the OAuth client credentials (HTTP \(response.status) from \(url)): check JIRA_CLIENT_ID and JIRA_CLIENT_SECRET against Settings > Apps > OAuth credentials in Jira")
        case .transient:
            throw JiraError.unavailable(retry.lastAnswer(response, from: "the token endpoint \(url)"))
        default:
            // Not an outage: the same request would get the same answer.
            throw JiraError.misconfigured("the token endpoint \(url) answered HTTP \(response.status), which is no answer of Atlassian's token endpoint")
        }
    }

    /// `expires_in` as given when it is a sane number of seconds; an hour (the documented life) otherwise.
    static func lifetime(_ value: JSONValue?) -> Double {
        let seconds: Double? = switch value {
        case .integer(let number)?: Double(number)
        case .number(let number)?: number
        default: nil
        }
        guard let seconds, seconds.isFinite, seconds > 0 else { return 3600 }
        return min(seconds, longestTokenLife)
    }

    /// The site's cloudId: given, cached, or asked of the site (it never changes for a site).
    public func cloudId() throws -> String {
        if let known = target.cloudId ?? state.withLock({ $0.cloudId }) { return known }
        guard let site = target.siteURL else {
            throw ConfigurationError.missing(.jiraURL, hint: "your Jira Cloud site, e.g. https://acme.atlassian.net (or set JIRA_CLOUD_ID)")
        }
        if let cached = cache?.cloudId(site: site), CloudId.isValid(cached) {
            state.withLock { $0.cloudId = cached }
            return cached
        }
        let url = "\(site)/_edge/tenant_info"
        let response = try send { HTTPRequest.json("GET", url, body: nil) }
        guard response.isSuccess, let answer = try? JSON.decode(JSONValue.self, from: response.body),
            let cloudId = answer["cloudId"]?.stringValue, CloudId.isValid(cloudId)
        else {
            if response.statusClass == .transient { throw JiraError.unavailable(retry.lastAnswer(response, from: url)) }
            throw JiraError.misconfigured(
                "\(site) did not tell its cloudId (HTTP \(response.status) from /_edge/tenant_info): is --jira-url (or JIRA_URL) your Jira Cloud site, like https://acme.atlassian.net?")
        }
        state.withLock { $0.cloudId = cloudId }
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
        var response = try send { HTTPRequest.json(method, url, body: body, headers: [("Authorization", "Bearer \(token.accessToken)")]) }
        if response.status == 401 {
            cache?.dropToken(clientId: credentials.clientId, apiURL: target.apiURL)
            log.trace?("* 401 from the API: dropping the cached token and getting a new one")
            token = try self.token(forceRefresh: true)
            response = try send { HTTPRequest.json(method, url, body: body, headers: [("Authorization", "Bearer \(token.accessToken)")]) }
        }
        return response
    }

    func send(_ request: () throws -> HTTPRequest) throws -> HTTPResponse {
        try retry.send(request, with: transport, notice: log.notice)
    }
}

/// A cloudId goes into every API path: only the characters a real one has (a UUID's) are believed.
public enum CloudId {
    public static func isValid(_ text: String) -> Bool {
        (1...128).contains(text.utf8.count) && text.utf8.allSatisfy { ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "-") }
    }
}
