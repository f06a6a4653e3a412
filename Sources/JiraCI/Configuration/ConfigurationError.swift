/// A setting that is missing or malformed. Always the user's to fix, so every case names the flag and variable.
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(Variable, hint: String)
    /// `value` is shown as given, so it must already be safe to show (see `ValueError.shownInput`).
    case invalid(Variable, value: String, expected: String)
    case unreadableFile(Variable, path: String, reason: String)
    case conflict(String)

    public var description: String {
        switch self {
        case .missing(let variable, let hint):
            "\(variable.bothNames) is required: \(hint)"
        case .invalid(let variable, let value, let expected):
            "\(variable.bothNames) has '\(value)', \(expected)"
        case .unreadableFile(let variable, let path, let reason):
            "cannot read \(path) given by \(variable.bothNames): \(reason)"
        case .conflict(let text):
            text
        }
    }
}
