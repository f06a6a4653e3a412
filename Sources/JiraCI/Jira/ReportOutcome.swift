/// What Jira did with reports, the same shape for Cloud and Server. `--json` prints exactly this.
public struct ReportOutcome: Sendable, Equatable, Encodable {
    public struct Rejection: Sendable, Equatable, Encodable {
        public var key: JSONValue
        public var errors: [JSONValue]

        public init(key: JSONValue, errors: [JSONValue]) {
            self.key = key
            self.errors = errors
        }

        /// `commit 1a2b3c4d5e6f of shop: message`, or the messages alone for a build or a deployment.
        public var summary: String {
            let messages = errors.map { $0["message"]?.stringValue ?? ReportOutcome.text($0) }.joined(separator: ", ")
            guard let repository = key["repositoryId"]?.stringValue else { return messages }
            let what = key["commit"]?.stringValue.map { "commit \($0.prefix(12))" } ?? key["branch"]?.stringValue.map { "branch \($0)" } ?? "repository"
            return "\(what) of \(repository)" + (messages.isEmpty ? "" : ": \(messages)")
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

    /// Rejections as one readable line: each entity Jira named (a commit, a branch) with its messages.
    public var rejectionSummary: String {
        rejected.map(\.summary).joined(separator: "; ")
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
