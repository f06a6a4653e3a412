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
                clientId: client.clientId, place: siteURL,
                cache: settings.cacheDirectory.map { TokenCache(directory: $0, log: settings.log) },
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

    /// Sends a signed request on lane `lane`, with the retry rules; 401s are explained from their
    /// `oauth_problem` (or as a refused token or password). A service account's token that Jira refuses is
    /// dropped and fetched once again.
    public func send(_ method: String, _ path: String, body: [UInt8]? = nil, lane: Int = 0) throws -> HTTPResponse {
        let url = url(path)
        let connection = connections[lane % connections.count]
        // The service account's token each attempt went with, so a refused one is replaced once, not per lane.
        let used = Mutex<String?>(nil)
        func attempt(replacing refused: String?) throws -> HTTPResponse {
            try retry.send(
                {
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
            let refusal = ServerAuthProblem(response: response, credential: .init(credential), now: retry.now())
            throw JiraError.serverAuthRefused(refusal)
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
            throw JiraError.signingFailed
        }
        return (authorization, nil)
    }

    /// The token request a service account makes, as Atlassian documents it: a form-encoded POST of the client
    /// credentials, asking for the WRITE scope (remote links are written). `secret` is what the body shows.
    static func tokenRequest(site: String, clientId: String, secret: String) -> HTTPRequest {
        let form = FormEncoding.encode([
            ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret),
            ("scope", "WRITE"),
        ])
        return HTTPRequest(
            method: "POST", url: site + tokenPath,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: Array(form.utf8))
    }

    private func requestToken(_ client: ClientCredentials, now: Double) throws -> TokenCache.CachedToken {
        let url = url(Self.tokenPath)
        let response = try retry.send(
            { Self.tokenRequest(site: self.siteURL, clientId: client.clientId, secret: client.clientSecret.value) },
            with: connections[0],
            notice: log.notice)
        switch response.statusClass {
        case .success:
            guard let token = tokens?.read(response, now: now) else {
                throw JiraError.noUsableToken(tokenURL: url)
            }
            return token
        case .transient:
            throw JiraError.transientAnswer(retry.lastAnswer(response, from: .tokenEndpoint(url: url)))
        case .notFound:
            throw JiraError.noTokenEndpoint(site: siteURL)
        default:
            let error = (try? JSON.decode(JSONValue.self, from: response.body))?["error"]?.stringValue
            let refusal = ServiceAccountProblem(clientId: client.clientId, status: response.status, error: error)
            throw JiraError.serviceAccountRefused(refusal)
        }
    }
}
