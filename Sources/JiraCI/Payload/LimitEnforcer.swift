/// Applies the limits field by field, remembering what it changed.
struct LimitEnforcer {
    private(set) var adjustments: [PayloadAdjustment] = []

    mutating func text(_ value: String, field: String, limit: Int = FieldLimits.text) -> String {
        guard let short = FieldLimits.shortened(value, limit: limit) else { return value }
        adjustments.append(
            PayloadAdjustment(
                field: field,
                detail: "was longer than the \(limit) UTF-16 units Jira allows and was shortened to '\(short)'"))
        return short
    }

    mutating func optionalText(_ value: String?, field: String, limit: Int = FieldLimits.text) -> String? {
        value.map { text($0, field: field, limit: limit) }
    }

    /// A link cut short leads nowhere: one that does not fit is left out (nil) with a warning.
    mutating func url(_ value: String, field: String) -> String? {
        guard value.utf16.count > FieldLimits.url else { return value }
        adjustments.append(
            PayloadAdjustment(
                field: field, detail: "was longer than the \(FieldLimits.url) UTF-16 units Jira allows and was left out"
            ))
        return nil
    }
}
