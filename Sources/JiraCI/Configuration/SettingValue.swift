/// A setting's value type: one parser, used for the flag (at parse time) and for its environment variable
/// alike, so both accept and refuse the same words with the same message.
public protocol SettingValue: Sendable {
    static func parse(_ text: String) throws(ValueError) -> Self
    /// What completions offer and help lists; empty for free-form values.
    static var valueWords: [String] { get }
}

extension SettingValue {
    public static var valueWords: [String] { [] }
}
