/// Which commits a build, a deployment or development information covers: with `--since`, those reachable
/// from the commit and not from it; with `--since-tag`, those since the newest matching tag before the commit;
/// without either, the commit alone, or in a CI a new branch's own commits.
struct CommitRange {
    var excluded: [String] = []
    var limit = 1
    var tag: (name: String, commit: String)?
    var warnings: [ReportWarning] = []

    static func resolve(_ search: KeySearch, commit sha: String, branch: String?, git: GitRepository) async throws
        -> CommitRange
    {
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
