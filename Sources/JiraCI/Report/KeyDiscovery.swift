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
        keys.commitsScanned = try await git.forEachCommitMessage(
            from: sha, excluding: range.excluded, limit: range.limit
        ) { event in
            switch event {
            case .commit(let sha): commit = sha
            case .message(let piece):
                messages.feed(piece) { keys.add($0, from: KeySource(type: .commit, value: commit)) }
            case .end: messages.finish { keys.add($0, from: KeySource(type: .commit, value: commit)) }
            }
        }
        if let warning = try await range.limitWarning(scanned: keys.commitsScanned, from: sha, git: git) {
            warnings.append(warning)
        }
        if keys.dropped > 0 {
            warnings.append(
                .keysDropped(
                    count: keys.dropped, atLeast: keys.droppedCountIsLowerBound, examples: keys.droppedExamples))
        }

        return KeyDiscoveryResult(
            keys: keys, commitSHA: sha, branch: branch, repository: start.repository, sinceTag: range.tag,
            warnings: warnings)
    }
}
