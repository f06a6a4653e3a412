/// One `<old> <new> <ref>` line that git (and Bitbucket Server hook scripts) hand a post-receive hook.
public struct HookUpdate: Sendable, Equatable {
    public let branch: String
    /// nil for a new branch.
    public let oldCommit: String?
    /// nil for a deleted branch.
    public let newCommit: String?

    /// nil for lines that are about no branch: tags and other refs, malformed lines.
    public init?(line: String) {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3, parts[2].hasPrefix("refs/heads/"), parts[0] != parts[1] else { return nil }
        let isZero = { (sha: String) in !sha.isEmpty && sha.allSatisfy { $0 == "0" } }
        branch = String(parts[2].dropFirst("refs/heads/".count))
        oldCommit = isZero(parts[0]) ? nil : parts[0]
        newCommit = isZero(parts[1]) ? nil : parts[1]
        guard oldCommit != nil || newCommit != nil else { return nil }
    }

    /// What each update's own new commits are not reachable from: the repository as it was before the push
    /// (other branches' tips, a pushed branch's old commit), and the branches pushed before it in the same push,
    /// so a first `git push --all` reports each commit once, with the first branch that has it. Worked out per
    /// update when it is planned: a mirror push of a thousand branches must not cost a million entries first.
    public struct Baselines: Sendable {
        let common: [String]
        let newCommits: [String?]

        /// - Parameter branches: every branch and its tip now, after the push.
        public init(_ updates: [HookUpdate], branches: [(name: String, tip: String)]) {
            let pushed = Set(updates.map(\.branch))
            common = (branches.filter { !pushed.contains($0.name) }.map(\.tip) + updates.compactMap(\.oldCommit))
                .uniqued()
            newCommits = updates.map(\.newCommit)
        }

        public subscript(index: Int) -> [String] {
            (common + newCommits[..<index].compactMap { $0 }).uniqued()
        }
    }

    /// Bitbucket Server / Data Center hook variables give a link to the pushed commit.
    public static func bitbucketCommitURL(_ environment: [String: String], commit: String) -> String? {
        BitbucketServerHook(environment)?.links?.commitURL(commit)
    }
}
