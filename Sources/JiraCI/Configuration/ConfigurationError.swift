/// A setting that is missing or malformed. Always the user's to fix, so every case names the flag and variable.
public enum ConfigurationError: Error, Equatable, Sendable {
    case missing(Variable, hint: String)
    case invalid(Variable, value: String, expected: String)
    case invalidFlag(flag: String, value: String, expected: String)
    case unreadableFile(Variable, path: String, reason: String)
    case conflict(String)
}
