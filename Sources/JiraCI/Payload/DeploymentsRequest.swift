/// The body of `POST …/deployments/0.1/cloud/{cloudId}/bulk`.
public struct DeploymentsRequest: Sendable, Codable, Equatable {
    public var deployments: [Deployment]
    public var providerMetadata: ProviderMetadata
}
