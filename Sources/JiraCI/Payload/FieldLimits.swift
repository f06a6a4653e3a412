/// The API's size limits, and shortening that keeps a payload inside them instead of having Jira reject it.
public enum FieldLimits {
    public static let text = 255
    public static let url = 2000
    public static let references = 5
    public static let issueKeys = 500
    public static let associationValues = 500

    /// `text` cut to `limit` characters, ending in "…" when cut; nil when it already fits.
    static func shortened(_ text: String, limit: Int) -> String? {
        guard text.count > limit else { return nil }
        return String(text.prefix(limit - 1)) + "…"
    }
}

/// A field that had to be shortened or trimmed, reported to the user as a warning.
public struct PayloadAdjustment: Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let detail: String

    public var description: String { "\(field) \(detail)" }
}

/// Applies the limits field by field, remembering what it changed.
struct LimitEnforcer {
    private(set) var adjustments: [PayloadAdjustment] = []

    mutating func text(_ value: String, field: String, limit: Int = FieldLimits.text) -> String {
        guard let short = FieldLimits.shortened(value, limit: limit) else { return value }
        adjustments.append(PayloadAdjustment(field: field, detail: "was longer than \(limit) characters and was shortened"))
        return short
    }

    mutating func optionalText(_ value: String?, field: String) -> String? {
        value.map { text($0, field: field) }
    }

    mutating func url(_ value: String, field: String) -> String {
        text(value, field: field, limit: FieldLimits.url)
    }
}
