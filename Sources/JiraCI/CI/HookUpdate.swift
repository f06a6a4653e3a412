/// One `<old> <new> <ref>` line that git (and Bitbucket Server hook scripts) hand a post-receive hook.
public struct HookUpdate: Sendable, Equatable {
    public let branch: String
    /// nil for a new branch.
    public let oldCommit: String?
    public let newCommit: String

    /// nil for lines that report nothing: deleted branches, tags and other refs, malformed lines.
    public init?(line: String) {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3, parts[2].hasPrefix("refs/heads/") else { return nil }
        let isZero = { (sha: String) in !sha.isEmpty && sha.allSatisfy { $0 == "0" } }
        guard !isZero(parts[1]) else { return nil }
        branch = String(parts[2].dropFirst("refs/heads/".count))
        oldCommit = isZero(parts[0]) ? nil : parts[0]
        newCommit = parts[1]
    }

    /// Bitbucket Server / Data Center hook variables give a link to the pushed commit.
    public static func bitbucketCommitURL(_ environment: [String: String], commit: String) -> String? {
        guard let base = environment["BB_BASE_URL"], let project = environment["BB_PROJECT_KEY"],
            let slug = environment["BB_REPO_SLUG"]
        else { return nil }
        return "\(JiraTarget.withoutTrailingSlash(base))/projects/\(project)/repos/\(slug)/commits/\(commit)"
    }
}
