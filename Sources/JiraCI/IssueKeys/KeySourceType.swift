/// Where a key was found. The raw values are part of the public JSON output.
public enum KeySourceType: String, Sendable, Codable, Equatable {
    case explicit
    case branch
    case prTitle = "pr-title"
    case commit
}
