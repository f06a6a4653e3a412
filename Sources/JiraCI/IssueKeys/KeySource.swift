public struct KeySource: Sendable, Codable, Equatable {
    public let type: KeySourceType
    /// The branch name, the commit sha, or the text the key came from.
    public let value: String

    public init(type: KeySourceType, value: String) {
        self.type = type
        self.value = value
    }
}
