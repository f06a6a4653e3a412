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

    /// The repository searched, as git is to see it.
    public var git: GitRepository { GitRepository(path: repositoryPath, isNamed: repositoryIsNamed) }

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
        maxCommits: Int = 1000, prTitle: String? = nil, explicitKeys: [String] = [], rules: IssueKeyRules = IssueKeyRules()
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

/// The keys of one build, and the git facts found on the way that a payload needs too.
public struct KeyDiscoveryResult: Sendable {
    public var keys: IssueKeyCollection
    public var commitSHA: String
    public var branch: String?
    public var repository: RepositoryLocation?
    /// The tag `--since-tag` chose, when one was reachable.
    public var sinceTag: (name: String, commit: String)?
    public var warnings: [ReportWarning]
}

/// Explicit keys, then the branch, the PR title, and the commits newest first.
public struct KeyDiscovery: Sendable {
    public let search: KeySearch
    let git: GitRepository

    public init(search: KeySearch) {
        self.search = search
        self.git = search.git
    }

    public func run() async throws -> KeyDiscoveryResult {
        let start = try await SearchStart.resolve(search, git: git)
        let sha = start.commitSHA
        let scanner = IssueKeyScanner(rules: search.rules)
        var keys = IssueKeyCollection()
        var warnings: [ReportWarning] = []

        for key in search.explicitKeys {
            keys.add(key, from: KeySource(type: .explicit, value: key))
        }

        let branch = start.branch
        if let branch {
            for key in scanner.keys(in: branch, letterCase: .any) {
                keys.add(key, from: KeySource(type: .branch, value: branch))
            }
        }
        if let title = search.prTitle {
            for key in scanner.keys(in: title, letterCase: .upperOnly) {
                keys.add(key, from: KeySource(type: .prTitle, value: title))
            }
        }

        let range = try await CommitRange.resolve(search, commit: sha, branch: branch, git: git)
        warnings += range.warnings
        var messages = StreamingKeyScanner(scanner: scanner, letterCase: .upperOnly)
        var commit = ""
        keys.commitsScanned = try await git.forEachCommitMessage(from: sha, excluding: range.excluded, limit: range.limit) { event in
            switch event {
            case .commit(let sha): commit = sha
            case .message(let piece): messages.feed(piece) { keys.add($0, from: KeySource(type: .commit, value: commit)) }
            case .end: messages.finish { keys.add($0, from: KeySource(type: .commit, value: commit)) }
            }
        }
        if let warning = try await range.limitWarning(scanned: keys.commitsScanned, from: sha, git: git) { warnings.append(warning) }
        if keys.dropped > 0 {
            warnings.append(.keysDropped(count: keys.dropped, atLeast: keys.droppedCountIsLowerBound, examples: keys.droppedExamples))
        }

        return KeyDiscoveryResult(
            keys: keys, commitSHA: sha, branch: branch, repository: start.repository, sinceTag: range.tag, warnings: warnings)
    }
}

/// Which commits a build, a deployment or development information covers: with `--since`, those reachable
/// from the commit and not from it; with `--since-tag`, those since the newest matching tag before the commit;
/// without either, the commit alone, or in a CI a new branch's own commits.
struct CommitRange {
    var excluded: [String] = []
    var limit = 1
    var tag: (name: String, commit: String)?
    var warnings: [ReportWarning] = []

    static func resolve(_ search: KeySearch, commit sha: String, branch: String?, git: GitRepository) async throws -> CommitRange {
        var range = CommitRange()
        if let pattern = search.sinceTag {
            if let tag = try await git.newestTag(matching: pattern, reachableFromParentsOf: sha) {
                (range.excluded, range.limit, range.tag) = ([tag.commit], search.maxCommits, tag)
            } else {
                range.warnings.append(.noTagReachable(pattern: pattern))
            }
            return range
        }
        if let since = search.since {
            guard GitRepository.namesOneCommit(since) else { throw GitError.notOneCommit(since, .since) }
            if let sinceSHA = try await git.resolveCommit(since) {
                range.excluded = [sinceSHA]
                range.limit = search.maxCommits
            } else {
                range.warnings.append(.unknownSince(since))
            }
            return range
        }
        switch search.newBranchBase {
        case .none:
            break
        case .notReachableFrom(let commits):
            range.excluded = commits
        case .defaultBranch:
            range.excluded = try await git.defaultBranchCommit().map { [$0] } ?? []
            if range.excluded.isEmpty, let branch { range.warnings.append(.newBranchWithoutBase(branch)) }
        }
        // The default branch itself, built, has nothing of its own to compare: the commit alone.
        if range.excluded == [sha] { range.excluded = [] }
        range.limit = range.excluded.isEmpty ? 1 : search.maxCommits
        return range
    }

    /// A warning when `--max-commits` cut the range short.
    func limitWarning(scanned: Int, from sha: String, git: GitRepository) async throws -> ReportWarning? {
        guard !excluded.isEmpty, scanned == limit else { return nil }
        let total = try await git.commitCount(sha, excluding: excluded)
        return total > limit ? .commitLimitReached(limit: limit, leftOut: total - limit) : nil
    }
}
