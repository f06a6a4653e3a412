/// What identifies a run's pipeline and build in Jira, from settings and, where they are silent, from git.
public struct PipelineIdentity: Sendable, Equatable {
    public var pipelineId: String
    public var pipelineName: String
    public var buildNumber: Int64
    public var commitSHA: String
    public var repository: RepositoryLocation?

    /// Stable across runs: the repository's identity (whatever protocol the clone used) and the pipeline name.
    static func pipelineId(_ pipeline: PipelineSettings, repository: RepositoryLocation?, folderName: String) -> String {
        if let id = pipeline.id { return Identifiers.bounded(id, limit: FieldLimits.text) }
        let base = repository?.identity ?? folderName
        let id = pipeline.name.map { "\(base)#\($0)" } ?? base
        return Identifiers.bounded(id, limit: FieldLimits.text)
    }

    /// Without a CI build number, the commit's depth is stable for that commit and grows along a branch.
    /// Without a remote, the repository's folder names the pipeline.
    static func resolve(
        _ pipeline: PipelineSettings, git: GitRepository, commitSHA: String, repository: RepositoryLocation?
    ) async throws -> PipelineIdentity {
        var folderName = repository?.name
        if folderName == nil { folderName = try await git.folderName() }
        let name = folderName ?? "repository"
        var buildNumber = pipeline.buildNumber
        if buildNumber == nil {
            buildNumber = Int64(try await git.commitCount(commitSHA))
        }
        return PipelineIdentity(
            pipelineId: pipelineId(pipeline, repository: repository, folderName: name),
            pipelineName: pipeline.name ?? name, buildNumber: buildNumber ?? 0, commitSHA: commitSHA,
            repository: repository)
    }

    /// For commands that need the identity but no issue keys (`gate`).
    public static func resolve(_ pipeline: PipelineSettings, repositoryPath: String, commit: String) async throws -> PipelineIdentity {
        let git = GitRepository(path: repositoryPath)
        guard let sha = try await git.resolveCommit(commit) else { throw GitError.unknownCommit(commit) }
        let repository = GitRepository.preferredURL(try await git.remotes()).flatMap(RepositoryLocation.init(remoteURL:))
        return try await resolve(pipeline, git: git, commitSHA: sha, repository: repository)
    }
}
