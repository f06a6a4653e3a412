public struct ProviderMetadata: Sendable, Codable, Equatable {
    public var product: String

    public init(product: String) {
        self.product = product
    }
}
