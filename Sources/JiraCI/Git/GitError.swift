/// What can go wrong while reading git data. All are problems with what the user pointed us at.
public enum GitError: Error, Equatable, Sendable, CustomStringConvertible {
    case gitNotFound
    case notARepository(path: String)
    case unknownCommit(String, Variable)
    /// A range, an option or a negation where one commit is expected (`HEAD..main`, `--all`, `^HEAD`).
    case notOneCommit(String, Variable)
    case failed(command: String, message: String)
    /// `--since-tag` names a pattern no tag of the repository matches: a typo, or the tags were not fetched.
    case noTagMatches(String)

    public var description: String {
        switch self {
        case .gitNotFound:
            "git was not found on PATH; install git or add it to PATH"
        case .notARepository(let path):
            "'\(path)' is not a git repository; run inside a checkout or pass --repo (or JIRA_CI_REPO)"
        case .unknownCommit(let revision, let variable):
            "git does not know the commit '\(revision)'; check \(variable.bothNames), or fetch it first"
        case .notOneCommit(let revision, let variable):
            "\(variable.bothNames) takes one commit (a sha, a branch or a tag), not '\(revision)'"
        case .noTagMatches(let pattern):
            "no tag of the repository matches --since-tag '\(pattern)' (or JIRA_CI_SINCE_TAG); check the pattern, or fetch the tags (a shallow or tag-less clone has none)"
        case .failed(let command, let message):
            "\(command) failed: \(message.isEmpty ? "no message" : message)"
        }
    }
}
