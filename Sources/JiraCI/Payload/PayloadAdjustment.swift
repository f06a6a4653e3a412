/// A field that had to be shortened or trimmed, reported to the user as a warning.
public struct PayloadAdjustment: Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let detail: String

    public var description: String { "\(field) \(detail)" }
}
