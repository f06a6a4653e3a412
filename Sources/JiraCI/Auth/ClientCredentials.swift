import Synchronization

/// OAuth 2.0 client credentials for Jira Cloud: a client ID and its secret, created by a site admin under
/// Settings > Apps > OAuth credentials.
public struct ClientCredentials: Sendable {
    public let clientId: String
    public let clientSecret: Secret

    public init(clientId: String, clientSecret: Secret) {
        self.clientId = clientId
        self.clientSecret = clientSecret
    }
}
