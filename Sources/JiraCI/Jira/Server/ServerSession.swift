import Synchronization

/// An authenticated conversation with Jira Server / Data Center's REST API v2.
public final class ServerSession: Sendable {
    public let siteURL: String
    public let credential: ServerCredential
    /// One connection per parallel lane.
    let connections: [any HTTPTransport]
    let retry: RetryPolicy
    let log: ReportLog
    /// A service account's tokens, cached like Jira Cloud's: by site and client ID, never the secret.
    let tokens: AccessTokens?

    static let lanes = 4
    /// Where a Data Center service account gets its tokens (Atlassian's "Service accounts overview").
    static let tokenPath = "/rest/oauth2/latest/token"

    public init(siteURL: String, credential: ServerCredential, settings: ConnectionSettings) throws {
        self.siteURL = siteURL
        self.credential = credential
        self.connections = try (0..<Self.lanes).map { _ in try settings.connection() }
        self.retry = settings.retry
        self.log = settings.log
        if case .serviceAccount(let client) = credential {
            settings.redactor.add(client.clientSecret.value)
            tokens = AccessTokens(
                clientId: client.clientId, place: siteURL, cache: settings.cacheDirectory.map { TokenCache(directory: $0, log: settings.log) },
                redactor: settings.redactor, now: settings.retry.now)
        } else {
            tokens = nil
        }
        log.trace?("* authenticating to Jira Server with the \(credential.name)")
    }

    public func url(_ path: String) -> String { siteURL + path }

    /// A 404 that is not Jira's own (Jira answers JSON with `errorMessages`) means there is no Jira REST API
    /// at the URL: most often a context path missing from it.
    static func isJiraAnswer(_ response: HTTPResponse) -> Bool {
        (try? JSON.decode(JSONValue.self, from: response.body))?["errorMessages"] != nil
    }

    static func notJira(_ site: String) -> JiraError {
        .misconfigured("there is no Jira REST API at \(site) (HTTP 404): if Jira runs under a context path, include it in --jira-url (or JIRA_URL), e.g. \(site)/jira")
    }

    /// Sends a signed request on lane `lane`, with the retry rules; 401s are explained from their
    /// `oauth_problem` (or as a refused token or password). A service account's token that Jira refuses is
    /// dropped and fetched once again.
    public func send(_ method: String, _ path: String, body: [UInt8]? = nil, lane: Int = 0) throws -> HTTPResponse {
        let url = url(path)
        let connection = connections[lane % connections.count]
        // The service account's token each attempt went with, so a refused one is replaced once, not per lane.
        let used = Mutex<String?>(nil)
        func attempt(replacing refused: String?) throws -> HTTPResponse {
            try retry.send({
                let (authorization, token) = try self.authorization(method: method, url: url, replacing: refused)
                used.withLock { $0 = token }
                return HTTPRequest.json(method, url, body: body, headers: [("Authorization", authorization)])
            }, with: connection, notice: log.notice)
        }
        var response = try attempt(replacing: nil)
        if response.status == 401, let tokens, let refused = used.withLock({ $0 }) {
            tokens.drop(refused)
            log.trace?("* 401 from Jira: dropping the service account's token and getting a new one")
            response = try attempt(replacing: refused)
        }
        if response.status == 401 {
            throw JiraError.authenticationFailed(ServerAuthProblem(response: response, credential: credential, now: retry.now()).explanation)
        }
        return response
    }

    /// The `Authorization` header for one attempt, and the service account's token it carries.
    private func authorization(method: String, url: String, replacing refused: String?) throws -> (String, String?) {
        if case .serviceAccount(let client) = credential, let tokens {
            let token = try tokens.token(replacing: refused) { now in try requestToken(client, now: now) }
            return ("Bearer \(token.accessToken)", token.accessToken)
        }
        guard let authorization = credential.authorization(method: method, url: url) else {
            throw JiraError.misconfigured("libcrypto could not sign with the OAuth private key")
        }
        return (authorization, nil)
    }

    /// The token request a service account makes, as Atlassian documents it: a form-encoded POST of the client
    /// credentials, asking for the WRITE scope (remote links are written). `secret` is what the body shows.
    static func tokenRequest(site: String, clientId: String, secret: String) -> HTTPRequest {
        let form = FormEncoding.encode([
            ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("scope", "WRITE"),
        ])
        return HTTPRequest(
            method: "POST", url: site + tokenPath,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")], body: Array(form.utf8))
    }

    private func requestToken(_ client: ClientCredentials, now: Double) throws -> TokenCache.CachedToken {
        let url = url(Self.tokenPath)
        let response = try retry.send(
            { Self.tokenRequest(site: self.siteURL, clientId: client.clientId, secret: client.clientSecret.value) }, with: connections[0],
            notice: log.notice)
        switch response.statusClass {
        case .success:
            guard let token = tokens?.read(response, now: now) else {
                throw JiraError.unavailable("the token endpoint \(url) answered without a usable access token")
            }
            return token
        case .transient:
            throw JiraError.unavailable(retry.lastAnswer(response, from: "the token endpoint \(url)"))
        case .notFound:
            throw JiraError.misconfigured(
                "\(siteURL) has no OAuth 2.0 token endpoint (HTTP 404 from \(Self.tokenPath)): service accounts need a Jira Data Center that has them; otherwise use JIRA_PAT (or --flavor cloud for a Jira Cloud site)")
        default:
            let error = (try? JSON.decode(JSONValue.self, from: response.body))?["error"]?.stringValue
            throw JiraError.authenticationFailed(ServiceAccountProblem(clientId: client.clientId, status: response.status, error: error).explanation)
        }
    }
}

/// Why Jira Server refused a request, in words that say what to fix.
struct ServerAuthProblem {
    let problem: String?
    let explanation: String

    init(response: HTTPResponse, credential: ServerCredential, now: Double) {
        let header = response.header("WWW-Authenticate") ?? ""
        problem = Self.problem(in: header) ?? Self.problem(in: response.text)
        switch (credential, problem) {
        case (.oauth1, "signature_invalid"?):
            explanation = "Jira refused the OAuth signature (signature_invalid): the private key does not match the public key of the application link, or the consumer key (JIRA_CONSUMER_KEY) names another link"
        case (.oauth1, "timestamp_refused"?):
            // HTTPDate only parses years 1 to 9999, so the difference always fits an Int.
            let skew = response.header("Date").flatMap(HTTPDate.parse).flatMap { now.isFinite ? Int(exactly: (now - $0).rounded()) : nil }
            let clock = skew.map { " (this machine's clock is \(abs($0)) s \($0 >= 0 ? "ahead of" : "behind") Jira's)" } ?? ""
            explanation = "Jira refused the OAuth timestamp (timestamp_refused): clocks may differ by at most 5 minutes\(clock); sync this machine's clock (NTP)"
        case (.oauth1, "consumer_key_unknown"?), (.oauth1, "consumer_key_rejected"?):
            explanation = "Jira does not know the consumer key (\(problem!)): check JIRA_CONSUMER_KEY against the application link's incoming authentication"
        case (.oauth1, "token_rejected"?), (.oauth1, "token_expired"?), (.oauth1, "token_revoked"?):
            explanation = "Jira refused the OAuth access token (\(problem!)): run `jira-ci auth server-login` again and store the new JIRA_ACCESS_TOKEN"
        case (.oauth1, "permission_unknown"?), (.oauth1, "permission_denied"?):
            explanation = "the Jira user has not approved this integration (\(problem!)): run `jira-ci auth server-login` and approve the request in Jira"
        case (.oauth1, "nonce_used"?):
            explanation = "Jira saw this OAuth nonce before (nonce_used): retry the report"
        case (.oauth1, let other):
            explanation = "Jira refused the OAuth 1.0a request (\(other ?? "HTTP 401")): check the application link, JIRA_CONSUMER_KEY, the private key and JIRA_ACCESS_TOKEN"
        case (.personalAccessToken, _):
            explanation = "Jira refused the personal access token (HTTP 401): it may be expired or revoked; create a new one under Profile > Personal Access Tokens and set JIRA_PAT"
        case (.basic(let user, _), _):
            explanation = "Jira refused the password of \(user) (HTTP 401): check JIRA_USER and JIRA_PASSWORD (a CAPTCHA after failed logins also blocks basic auth; Jira 11 turns basic authentication off by default: use JIRA_PAT or a service account)"
        case (.serviceAccount(let client), _):
            explanation = "Jira refused the service account \(client.clientId)'s token twice (HTTP 401): the account may be disabled, or have no access to the projects reported to; check it under Administration > Service accounts"
        }
    }

    /// `oauth_problem="x"` in a header, or `oauth_problem=x` in a form body.
    static func problem(in text: String) -> String? {
        guard let range = text.firstRange(of: "oauth_problem=") else { return nil }
        var value = text[range.upperBound...]
        if value.hasPrefix("\"") { value = value.dropFirst() }
        let end = value.firstIndex { $0 == "\"" || $0 == "&" || $0 == "," || $0 == " " || $0 == "\n" } ?? value.endIndex
        let problem = String(value[..<end])
        return problem.isEmpty ? nil : FormEncoding.percentDecode(problem)
    }
}
