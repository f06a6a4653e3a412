/// Why a value given for a setting was not understood, with the nearest accepted word when there is one.
public struct ValueError: Error, Equatable, Sendable, CustomStringConvertible {
    public let expected: String
    public let suggestion: String?
    /// What messages show of the input when the input itself must not be shown (a password in a URL).
    public let shownInput: String?

    public init(expected: String, suggestion: String? = nil, shownInput: String? = nil) {
        self.expected = expected
        self.suggestion = suggestion
        self.shownInput = shownInput
    }

    public var description: String {
        "expected \(expected)" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    }
}
