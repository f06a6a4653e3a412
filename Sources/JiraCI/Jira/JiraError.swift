/// What Jira (or the way to it) did wrong, by what the user can do about it.
public enum JiraError: Error, Sendable, Equatable {
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
}

/// The result of one report, the same shape for Cloud and Server. `--json` prints exactly this.
public struct ReportOutcome: Sendable, Equatable, Encodable {
    public struct Rejection: Sendable, Equatable, Encodable {
        public var key: JSONValue
        public var errors: [JSONValue]

        public init(key: JSONValue, errors: [JSONValue]) {
            self.key = key
            self.errors = errors
        }
    }

    public var accepted: [JSONValue]
    public var rejected: [Rejection]
    public var unknownIssueKeys: [String]
    public var unknownAssociations: [JSONValue]

    public init(accepted: [JSONValue] = [], rejected: [Rejection] = [], unknownIssueKeys: [String] = [], unknownAssociations: [JSONValue] = []) {
        self.accepted = accepted
        self.rejected = rejected
        self.unknownIssueKeys = unknownIssueKeys
        self.unknownAssociations = unknownAssociations
    }

    /// Rejections' messages as one readable line.
    public var rejectionSummary: String {
        rejected.flatMap(\.errors).map { $0["message"]?.stringValue ?? Self.text($0) }.joined(separator: "; ")
    }

    static func text(_ value: JSONValue) -> String {
        (try? JSON.string(value)) ?? "?"
    }
}

/// Where output that is not the result goes: warnings and the `--verbose` trace.
public struct ReportLog: Sendable {
    public let warning: @Sendable (String) -> Void
    public let trace: TraceSink?

    public init(warning: @escaping @Sendable (String) -> Void, trace: TraceSink?) {
        self.warning = warning
        self.trace = trace
    }

    public static let silent = ReportLog(warning: { _ in }, trace: nil)
}

/// Everything that talks to Jira implements this; commands never branch on the flavour.
public protocol JiraReporter: Sendable {
    /// The requests a report would make, for `--dry-run`: no credentials or network needed.
    func preview(_ subject: ReportSubject) throws -> [PreparedRequest]
    func report(_ subject: ReportSubject) async throws -> ReportOutcome
}
