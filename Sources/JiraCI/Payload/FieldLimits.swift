/// The API's field limits, and shortening that keeps a payload inside them instead of having Jira reject it.
///
/// Jira counts text as Java's `String.length()`: UTF-16 code units, so an emoji counts 2 and a flag 4.
/// Shortening cuts between characters (grapheme clusters), never inside a surrogate pair, a combining
/// sequence or an emoji sequence.
public enum FieldLimits {
    public static let text = 255
    public static let longText = 1024
    public static let url = 2000
    /// The deprecated `issueKeys` field of a build holds at most this many keys (the published schema's `maxItems`).
    public static let issueKeysField = 100
    /// A build's or a deployment's associations hold at most this many values together.
    public static let associationValues = 500

    /// `text` cut to at most `limit` UTF-16 units, ending in "…" when cut; nil when it already fits.
    public static func shortened(_ text: String, limit: Int) -> String? {
        guard text.utf16.count > limit else { return nil }
        let ellipsis = "…"
        var kept = ""
        var units = 0
        for character in text {
            let size = character.utf16.count
            guard units + size + ellipsis.utf16.count <= limit else { break }
            kept.append(character)
            units += size
        }
        return kept + ellipsis
    }

    /// `text` itself when it fits, else shortened.
    public static func fitted(_ text: String, limit: Int) -> String {
        shortened(text, limit: limit) ?? text
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
        adjustments.append(PayloadAdjustment(field: field, detail: "was longer than the \(limit) UTF-16 units Jira allows and was shortened to '\(short)'"))
        return short
    }

    mutating func optionalText(_ value: String?, field: String, limit: Int = FieldLimits.text) -> String? {
        value.map { text($0, field: field, limit: limit) }
    }

    /// A link cut short leads nowhere: one that does not fit is left out (nil) with a warning.
    mutating func url(_ value: String, field: String) -> String? {
        guard value.utf16.count > FieldLimits.url else { return value }
        adjustments.append(PayloadAdjustment(field: field, detail: "was longer than the \(FieldLimits.url) UTF-16 units Jira allows and was left out"))
        return nil
    }
}
