/// Why Jira Server refused a request (HTTP 401): which kind of credential it refused and the `oauth_problem` it
/// named, which together say what to fix. The sentences are `JiraError.serverAuthRefused`'s.
public struct ServerAuthProblem: Sendable, Equatable {
    /// The refused credential without its secrets: what the advice depends on.
    public enum Credential: Sendable, Equatable {
        case oauth1
        case personalAccessToken
        case basic(user: String)
        case serviceAccount(clientId: String)

        init(_ credential: ServerCredential) {
            switch credential {
            case .oauth1: self = .oauth1
            case .personalAccessToken: self = .personalAccessToken
            case .basic(let user, _): self = .basic(user: user)
            case .serviceAccount(let client): self = .serviceAccount(clientId: client.clientId)
            }
        }
    }

    public let credential: Credential
    /// The `oauth_problem` of the answer's `WWW-Authenticate` header or body (`signature_invalid`, …).
    public let problem: String?
    /// Seconds this machine's clock is ahead of Jira's (negative when behind), read from the answer's `Date`
    /// when Jira refused the OAuth timestamp: the one refusal that a clock explains.
    public let clockSkew: Int?
}

extension ServerAuthProblem {
    init(response: HTTPResponse, credential: Credential, now: Double) {
        let problem = Self.problem(in: response.header("WWW-Authenticate") ?? "") ?? Self.problem(in: response.text)
        // HTTPDate only parses years 1 to 9999, so the difference always fits an Int.
        let skew = response.header("Date").flatMap(HTTPDate.parse).flatMap { date in
            now.isFinite ? Int(exactly: (now - date).rounded()) : nil
        }
        self.init(credential: credential, problem: problem, clockSkew: problem == "timestamp_refused" ? skew : nil)
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
