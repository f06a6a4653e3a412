/// What a build or a deployment is about, as the current APIs take it: issues (`issueIdOrKeys`) and, for a
/// deployment, services (`serviceIdOrKeys`). An entity's associations hold at most
/// `FieldLimits.associationValues` values together.
public struct Association: Sendable, Codable, Equatable {
    public enum AssociationType: String, Sendable, Codable {
        case issueIdOrKeys
        case serviceIdOrKeys
    }

    public var associationType: AssociationType
    public var values: [String]

    public init(associationType: AssociationType, values: [String]) {
        self.associationType = associationType
        self.values = values
    }
}

extension [Association] {
    /// The issue keys among the values, in order.
    public var issueKeys: [String] {
        filter { $0.associationType == .issueIdOrKeys }.flatMap(\.values)
    }
}
