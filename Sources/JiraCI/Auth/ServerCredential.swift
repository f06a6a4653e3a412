/// How to authenticate to Jira Server / Data Center. When several are configured, a personal access token wins
/// over a service account, which wins over OAuth 1.0a, which wins over a user and password.
public enum ServerCredential: Sendable {
    case personalAccessToken(Secret)
    /// A Data Center service account: an identity that is no person, with OAuth 2.0 client credentials.
    case serviceAccount(ClientCredentials)
    case oauth1(OAuth1Signer, accessToken: Secret)
    case basic(user: String, password: Secret)

    public var name: String {
        switch self {
        case .personalAccessToken: "personal access token (JIRA_PAT)"
        case .serviceAccount(let client): "service account \(client.clientId) (JIRA_CLIENT_ID, JIRA_CLIENT_SECRET)"
        case .oauth1(let signer, _):
            "OAuth 1.0a, consumer key \(signer.consumerKey) (JIRA_CONSUMER_KEY, JIRA_ACCESS_TOKEN)"
        case .basic(let user, _): "user and password of \(user) (JIRA_USER, JIRA_PASSWORD)"
        }
    }

    /// Who the credential is, for the outbox: never the secret. A personal access token has no name of its
    /// own, and a new token is the usual cure for a 401: what an old one queued must not be stranded, so any
    /// token for the site may send it.
    public var identity: CredentialIdentity {
        switch self {
        case .personalAccessToken: CredentialIdentity(name: "personal access token")
        case .serviceAccount(let client): CredentialIdentity(name: "service account \(client.clientId)")
        case .oauth1(let signer, _): CredentialIdentity(name: "consumer \(signer.consumerKey)")
        case .basic(let user, _): CredentialIdentity(name: "user \(user)")
        }
    }

    public var isPersonalAccessToken: Bool {
        if case .personalAccessToken = self { return true }
        return false
    }

    public var secrets: [String] {
        switch self {
        case .personalAccessToken(let token): [token.value]
        case .serviceAccount(let client): [client.clientSecret.value]
        case .oauth1(let signer, let token): [token.value] + signer.key.lines
        case .basic(let user, let password): [password.value, Base64.encode(Array("\(user):\(password.value)".utf8))]
        }
    }

    /// The `Authorization` header for one attempt: OAuth signatures carry a fresh nonce and timestamp each time.
    /// A service account's token comes from its session (nil here).
    func authorization(method: String, url: String) -> String? {
        switch self {
        case .serviceAccount:
            return nil
        case .personalAccessToken(let token):
            return "Bearer \(token.value)"
        case .oauth1(let signer, let token):
            return signer.authorization(method: method, url: url, token: token.value)
        case .basic(let user, let password):
            return "Basic " + Base64.encode(Array("\(user):\(password.value)".utf8))
        }
    }
}
