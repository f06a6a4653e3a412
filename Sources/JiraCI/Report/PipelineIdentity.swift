/// What identifies a run's pipeline and build in Jira, from settings and, where they are silent, from git.
public struct PipelineIdentity: Sendable, Equatable {
    public var pipelineId: String
    public var pipelineName: String
    public var buildNumber: Int64
    public var commitSHA: String
    public var repository: RepositoryLocation?

    /// Stable across runs: the repository's identity (whatever protocol the clone used) and the pipeline name,
    /// made safe for a URL path.
    static func pipelineId(_ pipeline: PipelineSettings, repository: RepositoryLocation?, folderName: String) -> String
    {
        if let id = pipeline.id { return Identifiers.pathSafe(id) }
        let base = repository?.identity ?? folderName
        return Identifiers.pathSafe(pipeline.name.map { "\(base)#\($0)" } ?? base)
    }

    /// Without a CI build number: the commit's depth (how many commits it reaches) times 2³², plus 32 bits of a
    /// hash of the branch and the sha. The same commit on the same branch always gets the same number (so
    /// in_progress then successful is one build), a branch's numbers grow with every commit, and two branches
    /// differ even at the same commit (a hook reports each pushed branch, with its own keys, and Jira keeps one
    /// build per number). 32 bits because every pair of branches at one depth could collide: with 20 bits, a
    /// push of 1,000 new branches overwrote one of them in about every third push; now about one push in 8,000.
    /// Depths up to 2³¹ commits fit.
    public static func fallbackBuildNumber(depth: Int, sha: String, branch: String?) -> Int64 {
        let part = Int64(Identifiers.fnv1a("\(branch ?? "")\n\(sha)") & 0xFFFF_FFFF)
        return Int64(depth) << 32 + part
    }

    /// Without a remote, the repository's folder names the pipeline.
    static func resolve(_ pipeline: PipelineSettings, git: GitRepository, start: SearchStart) async throws
        -> PipelineIdentity
    {
        var folderName = start.repository?.name ?? pipeline.repositoryName
        if folderName == nil { folderName = try await git.folderName() }
        let name = folderName ?? "repository"
        var buildNumber = pipeline.buildNumber
        if buildNumber == nil {
            buildNumber = fallbackBuildNumber(
                depth: try await git.commitCount(start.commitSHA), sha: start.commitSHA, branch: start.branch)
        }
        return PipelineIdentity(
            pipelineId: pipelineId(pipeline, repository: start.repository, folderName: name),
            pipelineName: pipeline.name ?? name, buildNumber: buildNumber ?? 0, commitSHA: start.commitSHA,
            repository: start.repository)
    }

    /// For commands that need the identity but no issue keys (`gate`, `env`): the same commit, branch and
    /// repository as a report of the same search.
    public static func resolve(_ pipeline: PipelineSettings, search: KeySearch) async throws -> PipelineIdentity {
        let git = search.git
        return try await resolve(pipeline, git: git, start: try await SearchStart.resolve(search, git: git))
    }
}
