/// The one-time three-legged OAuth 1.0a flow that gives an integration user's access token for an
/// application link: request token, the user's approval in Jira, access token.
public struct ServerLogin: Sendable {
    let siteURL: String
    let signer: OAuth1Signer
    let connection: any HTTPTransport
    let redactor: Redactor
    let retry: RetryPolicy
    let log: ReportLog

    public init(siteURL: String, signer: OAuth1Signer, settings: ConnectionSettings) throws {
        self.siteURL = siteURL
        self.signer = signer
        self.connection = try settings.connection()
        self.redactor = settings.redactor
        self.retry = settings.retry
        self.log = settings.log
    }

    public struct RequestToken: Sendable {
        public let token: String
        public let authorizeURL: String
    }

    public func requestToken() throws -> RequestToken {
        let answer = try post("/plugins/servlet/oauth/request-token", token: nil, extra: [("oauth_callback", "oob")])
        guard let token = answer["oauth_token"], Secret(token).isHeaderSafe else {
            throw JiraError.noOAuthToken(step: "request-token")
        }
        return RequestToken(
            token: token,
            authorizeURL: "\(siteURL)/plugins/servlet/oauth/authorize?oauth_token=\(PercentEncoding.encode(token))")
    }

    public func accessToken(requestToken: String, verifier: String) throws -> Secret {
        let answer = try post(
            "/plugins/servlet/oauth/access-token", token: requestToken, extra: [("oauth_verifier", verifier)])
        guard let token = answer["oauth_token"], Secret(token).isHeaderSafe else {
            throw JiraError.noOAuthToken(step: "access-token")
        }
        redactor.add(token)
        return Secret(token)
    }

    private func post(_ path: String, token: String?, extra: [(String, String)]) throws -> [String: String] {
        let url = siteURL + path
        let response = try retry.send(
            {
                guard let authorization = signer.authorization(method: "POST", url: url, token: token, extra: extra)
                else {
                    throw JiraError.signingFailed
                }
                return HTTPRequest(method: "POST", url: url, headers: [("Authorization", authorization)], body: [])
            }, with: connection, notice: log.notice)
        switch response.status {
        case 200..<300:
            return Dictionary(FormEncoding.decode(response.text), uniquingKeysWith: { first, _ in first })
        case 401, 400:
            let refusal = ServerAuthProblem(response: response, credential: .oauth1, now: retry.now())
            // These say the request token was not approved, or was used before: the verifier is at stake.
            let unapproved = ["permission_unknown", "permission_denied", "token_rejected"]
            if let problem = refusal.problem, unapproved.contains(problem) {
                throw JiraError.verifierRefused(problem: problem)
            }
            throw JiraError.serverAuthRefused(refusal)
        case 404:
            throw JiraError.noOAuthEndpoint(url: url)
        default:
            throw JiraError.unexpectedStatus(url: url, status: response.status)
        }
    }
}
