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
    public let target: JiraTarget
    let credentials: ClientCredentials
    let client: HTTPClient
    let retry: RetryPolicy
    let cache: TokenCache?
    let log: ReportLog
    private let state = Mutex<(token: TokenCache.CachedToken?, cloudId: String?)>((nil, nil))

    public init(target: JiraTarget, credentials: ClientCredentials, client: HTTPClient, retry: RetryPolicy, cache: TokenCache?, log: ReportLog) {
        self.target = target
        self.credentials = credentials
        self.client = client
        self.retry = retry
        self.cache = cache
        self.log = log
        client.redactor.add(credentials.clientSecret.value)
    }

    /// A valid access token: the cached one while it has a minute left, else a new one.
    public func token(forceRefresh: Bool = false) throws -> TokenCache.CachedToken {
        let now = retry.now()
        if !forceRefresh {
            if let token = state.withLock({ $0.token }), token.expiresAt - TokenCache.expiryMargin > now { return token }
            if let cached = cache?.token(clientId: credentials.clientId, apiURL: target.apiURL, now: now) {
                client.redactor.add(cached.accessToken)
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
        struct Answer: Decodable {
            let access_token: String
            let expires_in: Double?
        }
        let url = CloudEndpoints(apiURL: target.apiURL, cloudId: nil).token
        let body = try JSON.encode(Body(client_id: credentials.clientId, client_secret: credentials.clientSecret.value))
        let response = try send { HTTPRequest.json("POST", url, body: body) }
        switch response.status {
        case 200..<300:
            guard let answer = try? JSON.decode(Answer.self, from: response.body), !answer.access_token.isEmpty else {
                throw JiraError.unavailable("the token endpoint \(url) answered without an access token")
            }
            client.redactor.add(answer.access_token)
            return TokenCache.CachedToken(
                accessToken: answer.access_token, expiresAt: now + (answer.expires_in ?? 3600),
                clientId: credentials.clientId, apiURL: target.apiURL)
        case 400, 401, 403:
            throw JiraError.authenticationFailed(
                "Atlassian refused the OAuth client credentials (HTTP \(response.status) from \(url)): check JIRA_CLIENT_ID and JIRA_CLIENT_SECRET against Settings > Apps > OAuth credentials in Jira")
        default:
            throw JiraError.unavailable("the token endpoint \(url) answered HTTP \(response.status)")
        }
    }

    /// The site's cloudId: given, cached, or asked of the site (it never changes for a site).
    public func cloudId() throws -> String {
        if let known = target.cloudId ?? state.withLock({ $0.cloudId }) { return known }
        guard let site = target.siteURL else {
            throw ConfigurationError.missing(.jiraURL, hint: "your Jira Cloud site, e.g. https://acme.atlassian.net (or set JIRA_CLOUD_ID)")
        }
        if let cached = cache?.cloudId(site: site) {
            state.withLock { $0.cloudId = cached }
            return cached
        }
        let url = "\(site)/_edge/tenant_info"
        let response = try send { HTTPRequest.json("GET", url, body: nil) }
        guard response.isSuccess, let answer = try? JSON.decode(JSONValue.self, from: response.body),
            let cloudId = answer["cloudId"]?.stringValue, !cloudId.isEmpty
        else {
            if response.status >= 500 { throw JiraError.unavailable("\(url) answered HTTP \(response.status)") }
            throw JiraError.misconfigured(
                "\(site) did not tell its cloudId (HTTP \(response.status) from /_edge/tenant_info): is --jira-url (or JIRA_URL) your Jira Cloud site, like https://acme.atlassian.net?")
        }
        state.withLock { $0.cloudId = cloudId }
        cache?.storeCloudId(cloudId, site: site)
        return cloudId
    }

    public var endpoints: CloudEndpoints {
        get throws { CloudEndpoints(apiURL: target.apiURL, cloudId: try cloudId()) }
    }

    /// An API call with the bearer token. A 401 means the token was revoked or expired early: drop it,
    /// get a new one, and try once more.
    public func authorized(_ method: String, _ url: String, body: [UInt8]?) throws -> HTTPResponse {
        var token = try token()
        var response = try send { HTTPRequest.json(method, url, body: body, headers: [("Authorization", "Bearer \(token.accessToken)")]) }
        if response.status == 401 {
            cache?.dropToken(clientId: credentials.clientId, apiURL: target.apiURL)
            log.trace?("* 401 from the API: dropping the cached token and getting a new one")
            token = try self.token(forceRefresh: true)
            response = try send { HTTPRequest.json(method, url, body: body, headers: [("Authorization", "Bearer \(token.accessToken)")]) }
            if response.status == 401 {
                throw JiraError.authenticationFailed("Jira Cloud refused a fresh access token (HTTP 401 from \(url)); check that the OAuth credential is still active")
            }
        }
        return response
    }

    func send(_ request: () throws -> HTTPRequest) throws -> HTTPResponse {
        try retry.send(request, with: client, notice: log.warning)
    }
}
