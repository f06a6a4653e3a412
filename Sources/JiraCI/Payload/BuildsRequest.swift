/// The body of `POST …/builds/0.1/cloud/{cloudId}/bulk`.
public struct BuildsRequest: Sendable, Codable, Equatable {
    public var builds: [Build]
    public var providerMetadata: ProviderMetadata
}
