/// What Jira did with reports, the same shape for Cloud and Server. `--json` prints exactly this.
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

    /// Several outcomes as one (a hook's branches, a flush's batches), in order, unknown keys once each.
    public static func merged(_ outcomes: [ReportOutcome]) -> ReportOutcome {
        var merged = ReportOutcome()
        for outcome in outcomes {
            merged.accepted += outcome.accepted
            merged.rejected += outcome.rejected
            merged.unknownIssueKeys += outcome.unknownIssueKeys.filter { !merged.unknownIssueKeys.contains($0) }
            merged.unknownAssociations += outcome.unknownAssociations
        }
        return merged
    }

    static func text(_ value: JSONValue) -> String {
        (try? JSON.string(value)) ?? "?"
    }
}
