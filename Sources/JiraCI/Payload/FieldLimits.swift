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
