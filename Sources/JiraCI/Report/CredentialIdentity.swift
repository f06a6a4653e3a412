/// Who a credential is, never what proves it: a client ID, a consumer key, a user name, or a digest of a
/// personal access token (which has no name of its own).
public struct CredentialIdentity: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public let name: String

    public init(name: String) {
        self.name = name
    }

    public var description: String { name }

    /// For a dry run, which needs no credential.
    public static let none = CredentialIdentity(name: "none")
}
