/// What to search for issue keys: one resolved value, built by the command layer from flags and environment.
public struct KeySearch: Sendable {
    public var repositoryPath: String
    /// `--repo` named the repository (rather than the current folder being it).
    public var repositoryIsNamed = false
    public var commit: String
    /// As given; nil means "the current branch".
    public var branch: String?
    public var since: String?
    /// `--since-tag`: the range starts at the newest tag matching this pattern before the commit.
    public var sinceTag: String?
    public var maxCommits: Int
    public var prTitle: String?
    public var explicitKeys: [String]
    public var rules: IssueKeyRules
    /// Without `since`, what a new branch's first build or push is compared with.
    public var newBranchBase = NewBranchBase.none
    /// The repository's web address when git has no remote to tell it (a bare repository on a plain git server).
    public var repositoryURL: String?

    /// What git said about the repository that cannot change during the run, asked once.
    public var gitMemo = GitRepository.Memo()

    /// The repository searched, as git is to see it.
    public var git: GitRepository { GitRepository(path: repositoryPath, isNamed: repositoryIsNamed, memo: gitMemo) }

    public enum NewBranchBase: Sendable {
        /// Only the commit itself is scanned.
        case none
        /// Commits not reachable from these (a branch new in a push: what the repository had before it).
        case notReachableFrom([String])
        /// Commits not on the default branch (`origin/HEAD`, else main/master): a CI's first build of a branch.
        case defaultBranch
    }

    public init(
        repositoryPath: String = ".", commit: String = "HEAD", branch: String? = nil, since: String? = nil,
        maxCommits: Int = 1000, prTitle: String? = nil, explicitKeys: [String] = [],
        rules: IssueKeyRules = IssueKeyRules()
    ) {
        self.repositoryPath = repositoryPath
        self.commit = commit
        self.branch = branch
        self.since = since
        self.maxCommits = maxCommits
        self.prTitle = prTitle
        self.explicitKeys = explicitKeys
        self.rules = rules
    }
}
