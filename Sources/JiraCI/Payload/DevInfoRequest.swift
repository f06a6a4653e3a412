/// The body of `POST …/devinfo/0.1/cloud/{cloudId}/bulk`.
public struct DevInfoRequest: Sendable, Codable, Equatable {
    public var repositories: [DevInfoRepository]
    public var preventTransitions: Bool?
    public var operationType: String?
    public var providerMetadata: ProviderMetadata

    /// At most this many repositories, and entities in all, per request.
    public static let repositoryLimit = 100
    public static let entityLimit = 1000
}
