/// Text Jira answers with, bounded: a broken or hostile server can send a megabyte of message, or twenty
/// thousand of them. A human line shows at most `lineItems` messages of at most `lineLength` characters; JSON
/// output keeps its structure with at most `listLimit` entries a list and `jsonLength` characters a text. Both
/// say how much more there was.
public enum AnswerText {
    public static let lineLength = 300
    public static let lineItems = 10
    public static let jsonLength = 1000
    public static let listLimit = 100

    /// Messages for one line: `a; b; c; and 7 more`, counting `more` not in the list.
    public static func line(_ messages: [String], more: Int = 0) -> String {
        let shown = messages.prefix(lineItems).map { FieldLimits.fitted($0, limit: lineLength) }
        let rest = messages.count - shown.count + more
        return (shown + (rest > 0 ? ["and \(rest) more"] : [])).joined(separator: "; ")
    }

    /// An answer's value with every text and list cut to the JSON bounds.
    public static func bounded(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(FieldLimits.fitted(text, limit: jsonLength))
        case .array(let items):
            .array(
                bounded(items).items + (items.count > listLimit ? [.string("and \(items.count - listLimit) more")] : [])
            )
        case .object(let fields) where fields.count > listLimit:
            .object(
                Dictionary(
                    uniqueKeysWithValues: fields.sorted { $0.key < $1.key }.prefix(listLimit).map {
                        ($0.key, bounded($0.value))
                    }))
        case .object(let fields): .object(fields.mapValues(bounded))
        default: value
        }
    }

    /// A list cut to `listLimit` entries, and how many more there were (nil when none).
    public static func bounded(_ items: [JSONValue]) -> (items: [JSONValue], notListed: Int?) {
        (items.prefix(listLimit).map(bounded), items.count > listLimit ? items.count - listLimit : nil)
    }
}
