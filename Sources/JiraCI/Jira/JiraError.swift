/// What Jira (or the way to it) did wrong, by what the user can do about it. Each case carries its sentence.
public enum JiraError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The credentials were refused: wrong client ID or secret, token, PAT or password.
    case authenticationFailed(String)
    /// The credentials are valid but may not use this API.
    case permissionDenied(String)
    /// Jira refused the data itself (400, 413, or every entity rejected).
    case rejected(String)
    /// Jira could not be reached, or kept failing through every retry.
    case unavailable(String)
    /// A setting points at something that is not there (an unknown site, say).
    case misconfigured(String)

    public var description: String {
        switch self {
        case .authenticationFailed(let text), .permissionDenied(let text), .rejected(let text), .unavailable(let text),
            .misconfigured(let text):
            text
        }
    }
}
