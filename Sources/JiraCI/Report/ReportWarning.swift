/// Something the user should know that does not stop the report.
public enum ReportWarning: Sendable, Equatable, CustomStringConvertible {
    case unknownSince(String)
    case noTagReachable(pattern: String)
    case commitLimitReached(limit: Int, leftOut: Int)
    case keysDropped(count: Int, atLeast: Bool, examples: [String])
    case noKeys
    case adjusted(PayloadAdjustment)
    case buildKeysLeftOut(limit: Int, keys: [String])
    case associationValuesDropped(kept: Int, dropped: [String])
    case missingURL
    case newBranchWithoutBase(String)
    case unmappedEnvironment(name: String, word: String, suggestion: String)
    case incompleteWebLinks(String)

    public var description: String {
        switch self {
        case .unknownSince(let revision):
            "git does not know the --since commit '\(revision)' (rewritten history or a shallow clone?); scanning only the built commit"
        case .noTagReachable(let pattern):
            "no tag matching '\(pattern)' is reachable from the built commit's parents (the first release?); scanning only the built commit"
        case .commitLimitReached(let limit, let leftOut):
            "stopped after \(limit) commits (--max-commits); \(leftOut) older commit(s) in the range were not scanned"
        case .keysDropped(let count, let atLeast, let examples):
            "Jira accepts at most \(IssueKeyCollection.keyLimit) issue keys; \(atLeast ? "at least " : "")\(count) more key(s) were dropped (e.g. \(examples.joined(separator: ", ")))"
        case .noKeys:
            "no issue keys found; nothing to send (use --issue KEY, or --require-keys to fail instead)"
        case .adjusted(let adjustment):
            adjustment.description
        case .buildKeysLeftOut(let limit, let keys):
            "Jira takes at most \(limit) issue keys per build; \(keys.count) left out: \(Self.list(keys))"
        case .associationValuesDropped(let kept, let dropped):
            "Jira accepts at most \(kept) association values per deployment; \(dropped.count) left out: \(Self.list(dropped))"
        case .missingURL:
            "no build URL (--build-url or JIRA_CI_BUILD_URL) and no git remote to link to; a real report needs one"
        case .newBranchWithoutBase(let branch):
            "branch '\(branch)' has no previous successful commit and no default branch to compare with; scanning only the built commit"
        case .incompleteWebLinks(let repository):
            "jira-ci knows no web addresses of commits, branches or files on this host: they link to \(repository); give --commit-url-template, --branch-url-template and --file-url-template"
        case .unmappedEnvironment(let name, let word, let suggestion):
            "environment '\(name)' names no environment type, so Jira files it as unmapped; did you mean '\(suggestion)' for '\(word)'? (or set --environment-type)"
        }
    }

    /// At most ten, then how many more.
    public static func list(_ values: [String]) -> String {
        values.prefix(10).joined(separator: ", ") + (values.count > 10 ? " and \(values.count - 10) more" : "")
    }
}
