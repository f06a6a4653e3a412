/// What identifies a run's pipeline and build in Jira, from settings and, where they are silent, from git.
public struct PipelineIdentity: Sendable, Equatable {
    public var pipelineId: String
    public var pipelineName: String
    public var buildNumber: Int64
    public var commitSHA: String
    public var repository: RepositoryLocation?

    /// Stable across runs: the repository's identity (whatever protocol the clone used) and the pipeline name,
    /// made safe for a URL path.
    static func pipelineId(_ pipeline: PipelineSettings, repository: RepositoryLocation?, folderName: String) -> String {
        if let id = pipeline.id { return Identifiers.pathSafe(id) }
        let base = repository?.identity ?? folderName
        return Identifiers.pathSafe(pipeline.name.map { "\(base)#\($0)" } ?? base)
    }

    /// Without a CI build number: the commit's depth (how many commits it reaches) times 2²⁰, plus the first
    /// five hex digits of its sha. The same commit always gets the same number (so in_progress then successful
    /// is one build), a branch's numbers grow with every commit, and two branches at the same depth differ
    /// unless their shas agree in the first five hex digits.
    public static func fallbackBuildNumber(depth: Int, sha: String) -> Int64 {
        let part = Int64(sha.prefix(5), radix: 16) ?? 0
        return Int64(depth) << 20 + part
    }

    /// Without a remote, the repository's folder names the pipeline.
    static func resolve(
        _ pipeline: PipelineSettings, git: GitRepository, commitSHA: String, repository: RepositoryLocation?
    ) async throws -> PipelineIdentity {
        var folderName = repository?.name ?? pipeline.repositoryName
        if folderName == nil { folderName = try await git.folderName() }
        let name = folderName ?? "repository"
        var buildNumber = pipeline.buildNumber
        if buildNumber == nil {
            buildNumber = fallbackBuildNumber(depth: try await git.commitCount(commitSHA), sha: commitSHA)
        }
        return PipelineIdentity(
            pipelineId: pipelineId(pipeline, repository: repository, folderName: name),
            pipelineName: pipeline.name ?? name, buildNumber: buildNumber ?? 0, commitSHA: commitSHA,
            repository: repository)
    }

    /// For commands that need the identity but no issue keys (`gate`, `env`).
    public static func resolve(_ pipeline: PipelineSettings, repositoryPath: String, commit: String) async throws -> PipelineIdentity {
        let git = GitRepository(path: repositoryPath)
        let sha = try await git.commit(commit, for: .commit)
        let repository = GitRepository.preferredURL(try await git.remotes()).flatMap(RepositoryLocation.init(remoteURL:))
        return try await resolve(pipeline, git: git, commitSHA: sha, repository: repository)
    }
}
