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
