/// What Jira did with reports, the same shape for Cloud and Server. `--json` prints exactly this.
public struct ReportOutcome: Sendable, Equatable, Encodable {
    public struct Rejection: Sendable, Equatable, Encodable {
        public var key: JSONValue
        /// As Jira gave them, at most `AnswerText.listLimit`; `errorsNotListed` counts the rest.
        public var errors: [JSONValue]
        public var errorsNotListed: Int?

        public init(key: JSONValue, errors: [JSONValue]) {
            self.key = key
            (self.errors, errorsNotListed) = AnswerText.bounded(errors)
        }

        /// `commit 1a2b3c4d5e6f of shop: message`, or the messages alone for a build or a deployment.
        public var summary: String {
            let messages = AnswerText.line(
                errors.map { $0["message"]?.stringValue ?? ReportOutcome.text($0) }, more: errorsNotListed ?? 0)
            guard let repository = key["repositoryId"]?.stringValue else { return messages }
            let what =
                key["commit"]?.stringValue.map { "commit \($0.prefix(12))" } ?? key["branch"]?.stringValue.map {
                    "branch \($0)"
                } ?? "repository"
            return "\(what) of \(repository)" + (messages.isEmpty ? "" : ": \(messages)")
        }
    }

    public var accepted: [JSONValue]
    /// At most `AnswerText.listLimit`; `rejectedNotListed` counts the rest.
    public private(set) var rejected: [Rejection]
    public private(set) var rejectedNotListed: Int?
    /// The issue keys the report went with, when Jira took fewer than it was made with (an older Jira takes a
    /// build's first 100): what an accepted report names. Not part of `--json`, which lists what Jira answered.
    public var keysSent: [String]?
    public var unknownIssueKeys: [String]
    public var unknownAssociations: [JSONValue] {
        didSet { unknownAssociations = AnswerText.bounded(unknownAssociations).items }
    }

    private enum CodingKeys: String, CodingKey {
        case accepted, rejected, rejectedNotListed, unknownIssueKeys, unknownAssociations
    }

    public init(
        accepted: [JSONValue] = [], rejected: [Rejection] = [], unknownIssueKeys: [String] = [],
        unknownAssociations: [JSONValue] = []
    ) {
        self.accepted = accepted
        self.rejected = []
        self.unknownIssueKeys = unknownIssueKeys
        self.unknownAssociations = AnswerText.bounded(unknownAssociations).items
        for entity in rejected { reject(entity) }
    }

    /// Adds a rejection, keeping the list within bounds: a server can answer twenty thousand of them.
    public mutating func reject(_ rejection: Rejection) {
        if rejected.count < AnswerText.listLimit {
            rejected.append(rejection)
        } else {
            rejectedNotListed = (rejectedNotListed ?? 0) + 1
        }
    }

    /// Rejections as one readable line: each entity Jira named (a commit, a branch) with its messages, at most
    /// `AnswerText.lineItems` of them.
    public var rejectionSummary: String {
        let shown = rejected.prefix(AnswerText.lineItems).map(\.summary).joined(separator: "; ")
        let more = rejected.count - min(rejected.count, AnswerText.lineItems) + (rejectedNotListed ?? 0)
        return shown + (more > 0 ? "; and \(more) more" : "")
    }

    /// Several outcomes as one (a hook's branches, a flush's batches), in order, unknown keys once each.
    public static func merged(_ outcomes: [ReportOutcome]) -> ReportOutcome {
        var merged = ReportOutcome()
        for outcome in outcomes {
            merged.accepted += outcome.accepted
            for entity in outcome.rejected { merged.reject(entity) }
            if let notListed = outcome.rejectedNotListed {
                merged.rejectedNotListed = (merged.rejectedNotListed ?? 0) + notListed
            }
            merged.unknownIssueKeys += outcome.unknownIssueKeys.filter { !merged.unknownIssueKeys.contains($0) }
            merged.unknownAssociations += outcome.unknownAssociations
        }
        return merged
    }

    static func text(_ value: JSONValue) -> String {
        (try? JSON.string(value)) ?? "?"
    }
}
