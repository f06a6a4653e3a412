/// What a backfill covers: the tips it starts from (the built commit, or every local branch), the branches it
/// sends, and the commit whose history it leaves out (`--since`, or the tag `--since-tag` finds).
public struct BackfillScope: Sendable {
    public var tips: [String]
    public var branches: [(name: String, tip: String)]
    public var since: String?

    public static func resolve(_ search: KeySearch, allBranches: Bool) async throws -> BackfillScope {
        let git = search.git
        let head = try await git.commit(search.commit, for: .commit)
        var branches: [(name: String, tip: String)]
        if allBranches {
            branches = try await git.branches()
        } else {
            var current = search.branch
            if current == nil { current = try await git.currentBranch() }
            branches = current.map { [($0, head)] } ?? []
        }
        var since: String?
        if let pattern = search.sinceTag {
            since = try await git.newestTag(matching: pattern, reachableFromParentsOf: head)?.commit
        } else if let given = search.since {
            since = try await git.commit(given, for: .since)
        }
        return BackfillScope(
            tips: allBranches ? branches.map(\.tip).uniqued() : [head], branches: branches, since: since)
    }
}
