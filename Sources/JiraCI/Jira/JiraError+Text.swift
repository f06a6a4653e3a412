/// Every sentence a `JiraError` shows, in one place: what happened, and what to fix or check.
extension JiraError {
    public var description: String {
        switch self {
        case .serverAuthRefused(let refusal):
            Self.sentence(refusal)
        case .verifierRefused(let problem):
            "Jira did not accept the verifier (\(problem)): open the authorize URL, approve, and enter the code Jira "
                + "shows; each request token works once"
        case .serviceAccountRefused(let refusal):
            Self.sentence(refusal)
        case .clientCredentialsRefused(let status, let url):
            "Atlassian refused the OAuth client credentials (HTTP \(status) from \(url)): check JIRA_CLIENT_ID and "
                + "JIRA_CLIENT_SECRET against Settings > Apps > OAuth credentials in Jira"
        case .freshTokenRefused(let api?):
            "Jira Cloud refused a fresh access token for the \(api) API (HTTP 401): check that the OAuth credential is "
                + "active and that it was granted the \(Self.permission(api)) API (Settings > Apps > OAuth credentials)"
        case .freshTokenRefused(nil):
            "Jira Cloud refused a fresh access token (HTTP 401); check that the OAuth credential is still active"
        case .apiForbidden(let api):
            "the OAuth credential may not use the \(api) API (HTTP 403): grant the \(Self.permission(api)) API to "
                + "these credentials in Jira's OAuth credentials page (Settings > Apps > OAuth credentials)"
        case .gatingForbidden:
            "the OAuth credential may not read deployment gating status (HTTP 403): tick Deployments for it in "
                + "Settings > Apps > OAuth credentials"
        case .someAPIsForbidden:
            "the OAuth credential may not use every API jira-ci reports to "
                + "(Settings > Apps > OAuth credentials in Jira)"
        case .noVisibleProject:
            "--project auto: the Jira user can see no project; give it Browse permission, or name the projects"

        case .requestRejected(let api, let status, let detail):
            "Jira rejected the \(api) request\(Self.how(status)) (HTTP \(status))" + (detail.map { ": \($0)" } ?? "")
        case .reportNotAccepted(let noun, let outcome):
            "Jira did not accept the \(noun): "
                + (outcome.rejected.isEmpty ? "none of its issues exist or are visible" : outcome.rejectionSummary)
        case .reportPartlyAccepted(let noun, let outcome):
            "Jira refused part of the \(noun): \(outcome.rejectionSummary)"
        case .backfillEntitiesFailed(let outcome):
            "Jira failed entities of the backfill: \(outcome.rejectionSummary)"

        case .transientAnswer(let answer):
            Self.sentence(answer)
        case .noUsableToken(let url):
            "the token endpoint \(url) answered without a usable access token"
        case .noOAuthToken(let step):
            "Jira's \(step) answer has no usable oauth_token"
        case .noGatingStatus:
            "Jira's gating status answer has no gatingStatus"
        case .unconfirmed(let noun, let status):
            "Jira's answer (HTTP \(status)) did not confirm the \(noun)"
        case .unexpectedStatus(let url, let status):
            "\(url) answered HTTP \(status)"
        case .unqueued(let cause, let reason):
            "Jira unreachable (\(cause)), and the report could not be queued: \(reason)"
        case .stillWaiting(let count, let directory, let cause):
            (cause.map { "Jira unreachable (\($0)); " } ?? "") + "\(count) report(s) still wait in \(directory)"

        case .noRestAPI(let site):
            "there is no Jira REST API at \(site) (HTTP 404): if Jira runs under a context path, include it in "
                + "--jira-url (or JIRA_URL), e.g. \(site)/jira"
        case .noTokenEndpoint(let site):
            "\(site) has no OAuth 2.0 token endpoint (HTTP 404 from \(ServerSession.tokenPath)): service accounts need "
                + "a Jira Data Center that has them; otherwise use JIRA_PAT (or --flavor cloud for a Jira Cloud site)"
        case .noOAuthEndpoint(let url):
            "\(url) does not exist (HTTP 404): is --jira-url (or JIRA_URL) the base URL of Jira Server, with any "
                + "context path like /jira?"
        case .noAPI(let api):
            "Jira has no \(api) API here (HTTP 404): check the cloudId (JIRA_CLOUD_ID) and --jira-url"
        case .foreignAnswer(let api, let status):
            "Jira answered the \(api) request with HTTP \(status), which is no answer of its API: check --jira-url"
        case .foreignTokenAnswer(let url, let status):
            "the token endpoint \(url) answered HTTP \(status), which is no answer of Atlassian's token endpoint"
        case .noCloudId(let site, let status):
            "\(site) did not tell its cloudId (HTTP \(status) from /_edge/tenant_info): is --jira-url (or JIRA_URL) "
                + "your Jira Cloud site, like https://acme.atlassian.net?"
        case .signingFailed:
            "libcrypto could not sign with the OAuth private key"
        }
    }

    /// The API's name in Jira's OAuth credentials page, where it is granted.
    private static func permission(_ api: String) -> String {
        api == "devinfo" ? "Development information" : api.prefix(1).uppercased() + api.dropFirst()
    }

    /// What a refused request's status says of it.
    private static func how(_ status: Int) -> String {
        switch status {
        case 400: " as malformed"
        case 413: " as too large"
        default: ""
        }
    }

    private static func sentence(_ answer: LastAnswer) -> String {
        let (who, to): (String, String) =
            switch answer.source {
            case .api(let api): ("Jira", " to the \(api) request")
            case .jiraServer: ("Jira Server", "")
            case .tokenEndpoint(let url): ("the token endpoint \(url)", "")
            case .url(let url): (url, "")
            }
        let limit = RetryPolicy.named(answer.rateLimit)
        guard let wait = answer.resetsIn else {
            return "\(who) kept answering HTTP \(answer.status)\(to)\(limit), through every retry"
        }
        return "\(who) answered HTTP \(answer.status)\(to)\(limit); it resets in \(RetryPolicy.format(wait)), "
            + "later than jira-ci waits (\(RetryPolicy.format(answer.longestWait)))"
    }

    private static func sentence(_ refusal: ServerAuthProblem) -> String {
        let clock = refusal.clockSkew.map { skew in
            " (this machine's clock is \(abs(skew)) s \(skew >= 0 ? "ahead of" : "behind") Jira's)"
        }
        return switch (refusal.credential, refusal.problem) {
        case (.oauth1, "signature_invalid"?):
            "Jira refused the OAuth signature (signature_invalid): the private key does not match the public key of "
                + "the application link, or the consumer key (JIRA_CONSUMER_KEY) names another link"
        case (.oauth1, "timestamp_refused"?):
            "Jira refused the OAuth timestamp (timestamp_refused): clocks may differ by at most 5 minutes"
                + "\(clock ?? ""); sync this machine's clock (NTP)"
        case (.oauth1, let problem?) where ["consumer_key_unknown", "consumer_key_rejected"].contains(problem):
            "Jira does not know the consumer key (\(problem)): check JIRA_CONSUMER_KEY against the application link's "
                + "incoming authentication"
        case (.oauth1, let problem?) where ["token_rejected", "token_expired", "token_revoked"].contains(problem):
            "Jira refused the OAuth access token (\(problem)): run `jira-ci auth server-login` again and store the new "
                + "JIRA_ACCESS_TOKEN"
        case (.oauth1, let problem?) where ["permission_unknown", "permission_denied"].contains(problem):
            "the Jira user has not approved this integration (\(problem)): run `jira-ci auth server-login` and approve "
                + "the request in Jira"
        case (.oauth1, "nonce_used"?):
            "Jira saw this OAuth nonce before (nonce_used): retry the report"
        case (.oauth1, let other):
            "Jira refused the OAuth 1.0a request (\(other ?? "HTTP 401")): check the application link, "
                + "JIRA_CONSUMER_KEY, the private key and JIRA_ACCESS_TOKEN"
        case (.personalAccessToken, _):
            "Jira refused the personal access token (HTTP 401): it may be expired or revoked; create a new one under "
                + "Profile > Personal Access Tokens and set JIRA_PAT"
        case (.basic(let user), _):
            "Jira refused the password of \(user) (HTTP 401): check JIRA_USER and JIRA_PASSWORD (a CAPTCHA after "
                + "failed logins also blocks basic auth; Jira 11 turns basic authentication off by default: use "
                + "JIRA_PAT or a service account)"
        case (.serviceAccount(let clientId), _):
            "Jira refused the service account \(clientId)'s token twice (HTTP 401): the account may be disabled, or "
                + "have no access to the projects reported to; check it under Administration > Service accounts"
        }
    }

    private static func sentence(_ refusal: ServiceAccountProblem) -> String {
        let clientId = refusal.clientId
        return switch refusal.error {
        case let error? where ["invalid_client", "unauthorized_client"].contains(error):
            "Jira refused the service account \(clientId) (\(error)): check JIRA_CLIENT_ID and JIRA_CLIENT_SECRET "
                + "against the service account under Administration > Service accounts, and that it is active"
        case let error? where ["invalid_scope", "insufficient_scope"].contains(error):
            "the service account \(clientId) may not get a WRITE token (\(error)): give it the Write scope under "
                + "Administration > Service accounts (jira-ci writes remote links)"
        default:
            "Jira refused the service account \(clientId)'s token request "
                + "(HTTP \(refusal.status)\(refusal.error.map { ", \($0)" } ?? "")): check JIRA_CLIENT_ID, "
                + "JIRA_CLIENT_SECRET and the account's scopes under Administration > Service accounts"
        }
    }
}
