/// The commit a search starts from, its branch and its repository, worked out the same way by every command:
/// a `gate` that saw another branch or repository than the `deploy --gate` before it would ask about a
/// deployment Jira never got.
public struct SearchStart: Sendable, Equatable {
    public var commitSHA: String
    /// Without remote prefixes (`origin/feature/x` is `feature/x`); nil when detached and not given.
    public var branch: String?
    public var repository: RepositoryLocation?

    public init(commitSHA: String, branch: String?, repository: RepositoryLocation?) {
        self.commitSHA = commitSHA
        self.branch = branch
        self.repository = repository
    }

    public static func resolve(_ search: KeySearch, git: GitRepository) async throws -> SearchStart {
        let sha = try await git.commit(search.commit, for: .commit)
        let remotes = try await git.remotes()
        var rawBranch = search.branch
        if rawBranch == nil { rawBranch = try await git.currentBranch() }
        let branch = rawBranch.map { BranchName.normalized($0, remotes: remotes.map(\.name)) }
        let repository = (GitRepository.preferredURL(remotes) ?? search.repositoryURL).flatMap(
            RepositoryLocation.init(remoteURL:))
        return SearchStart(commitSHA: sha, branch: branch, repository: repository)
    }
}
