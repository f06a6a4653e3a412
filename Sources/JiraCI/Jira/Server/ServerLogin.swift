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
            throw JiraError.unavailable("Jira's request-token answer has no usable oauth_token")
        }
        return RequestToken(token: token, authorizeURL: "\(siteURL)/plugins/servlet/oauth/authorize?oauth_token=\(PercentEncoding.encode(token))")
    }

    public func accessToken(requestToken: String, verifier: String) throws -> Secret {
        let answer = try post("/plugins/servlet/oauth/access-token", token: requestToken, extra: [("oauth_verifier", verifier)])
        guard let token = answer["oauth_token"], Secret(token).isHeaderSafe else {
            throw JiraError.unavailable("Jira's access-token answer has no usable oauth_token")
        }
        redactor.add(token)
        return Secret(token)
    }

    private func post(_ path: String, token: String?, extra: [(String, String)]) throws -> [String: String] {
        let url = siteURL + path
        let response = try retry.send({
            guard let authorization = signer.authorization(method: "POST", url: url, token: token, extra: extra) else {
                throw JiraError.misconfigured("libcrypto could not sign with the OAuth private key")
            }
            return HTTPRequest(method: "POST", url: url, headers: [("Authorization", authorization)], body: [])
        }, with: connection, notice: log.notice)
        switch response.status {
        case 200..<300:
            return Dictionary(FormEncoding.decode(response.text), uniquingKeysWith: { first, _ in first })
        case 401, 400:
            let problem = ServerAuthProblem(response: response, credential: .oauth1(signer, accessToken: Secret("")), now: retry.now())
            if problem.problem == "permission_unknown" || problem.problem == "permission_denied" || problem.problem == "token_rejected" {
                throw JiraError.authenticationFailed(
                    "Jira did not accept the verifier (\(problem.problem!)): open the authorize URL, approve, and enter the code Jira shows; each request token works once")
            }
            throw JiraError.authenticationFailed(problem.explanation)
        case 404:
            throw JiraError.misconfigured("\(url) does not exist (HTTP 404): is --jira-url (or JIRA_URL) the base URL of Jira Server, with any context path like /jira?")
        default:
            throw JiraError.unavailable("\(url) answered HTTP \(response.status)")
        }
    }
}
