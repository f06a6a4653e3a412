/// Something the user should know that does not stop the report.
public enum ReportWarning: Sendable, Equatable, CustomStringConvertible {
    case unknownSince(String)
    case commitLimitReached(limit: Int, leftOut: Int)
    case keysDropped(Int)
    case noKeys
    case adjusted(PayloadAdjustment)
    case associationValuesDropped(kept: Int, dropped: [String])
    case missingURL
    case newBranchWithoutBase(String)

    public var description: String {
        switch self {
        case .unknownSince(let revision):
            "git does not know the --since commit '\(revision)' (rewritten history or a shallow clone?); scanning only the built commit"
        case .commitLimitReached(let limit, let leftOut):
            "stopped after \(limit) commits (--max-commits); \(leftOut) older commit(s) in the range were not scanned"
        case .keysDropped(let count):
            "Jira accepts at most \(IssueKeyCollection.keyLimit) issue keys; \(count) more key(s) were dropped"
        case .noKeys:
            "no issue keys found; nothing to send (use --issue KEY, or --require-keys to fail instead)"
        case .adjusted(let adjustment):
            adjustment.description
        case .associationValuesDropped(let kept, let dropped):
            "Jira accepts at most \(kept) association values per deployment; dropped: \(dropped.joined(separator: ", "))"
        case .missingURL:
            "no build URL (--build-url or JIRA_CI_BUILD_URL) and no git remote to link to; a real report needs one"
        case .newBranchWithoutBase(let branch):
            "branch '\(branch)' has no previous successful commit and no default branch to compare with; scanning only the built commit"
        }
    }
}
