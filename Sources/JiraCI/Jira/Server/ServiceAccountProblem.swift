/// Why Jira Data Center would not give a service account a token. The sentences are
/// `JiraError.serviceAccountRefused`'s.
public struct ServiceAccountProblem: Sendable, Equatable {
    public let clientId: String
    public let status: Int
    /// The OAuth 2.0 `error` of the answer (`invalid_client`, `invalid_scope`, …).
    public let error: String?
}
