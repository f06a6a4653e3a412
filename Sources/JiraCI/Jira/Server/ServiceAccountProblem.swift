/// Why Jira Data Center would not give a service account a token, in words that say what to check.
struct ServiceAccountProblem {
    let clientId: String
    let status: Int
    /// The OAuth 2.0 `error` of the answer (`invalid_client`, `invalid_scope`, …).
    let error: String?

    var explanation: String {
        switch error {
        case "invalid_client"?, "unauthorized_client"?:
            "Jira refused the service account \(clientId) (\(error!)): check JIRA_CLIENT_ID and JIRA_CLIENT_SECRET against the service account under Administration > Service accounts, and that it is active"
        case "invalid_scope"?, "insufficient_scope"?:
            "the service account \(clientId) may not get a WRITE token (\(error!)): give it the Write scope under Administration > Service accounts (jira-ci writes remote links)"
        default:
            "Jira refused the service account \(clientId)'s token request (HTTP \(status)\(error.map { ", \($0)" } ?? "")): check JIRA_CLIENT_ID, JIRA_CLIENT_SECRET and the account's scopes under Administration > Service accounts"
        }
    }
}
