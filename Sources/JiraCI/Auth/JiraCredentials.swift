/// Credentials for any flavour of Jira, as configured. Secrets stay wrapped.
public struct JiraCredentials: Sendable {
    public var cloud: ClientCredentials?
    public var server: ServerCredential?

    public init(cloud: ClientCredentials? = nil, server: ServerCredential? = nil) {
        self.cloud = cloud
        self.server = server
    }

    /// Every secret value, for the redactor of the run's output.
    public var secrets: [String] {
        (cloud.map { [$0.clientSecret.value] } ?? []) + (server?.secrets ?? [])
    }

    /// Who reports go out as, for the outbox; a dry run needs no credential.
    public func identity(for flavor: JiraFlavor) -> CredentialIdentity {
        switch flavor {
        case .cloud: cloud.map { CredentialIdentity(name: "client \($0.clientId)") } ?? .none
        case .server: server?.identity ?? .none
        }
    }
}
