/// A repository with commits and branches, as the Development Information API takes it. Field names are the
/// API's; limits are the published schema's.
public struct DevInfoRepository: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var url: String
    public var updateSequenceId: Int64
    public var commits: [DevInfoCommit]?
    public var branches: [DevInfoBranch]?

    /// Per repository in one request.
    public static let commitLimit = 400
    public static let branchLimit = 400

    public init(
        id: String, name: String, url: String, updateSequenceId: Int64, commits: [DevInfoCommit]?,
        branches: [DevInfoBranch]?
    ) {
        self.id = id
        self.name = name
        self.url = url
        self.updateSequenceId = updateSequenceId
        self.commits = commits
        self.branches = branches
    }

    public var entityCount: Int { (commits?.count ?? 0) + (branches?.count ?? 0) }
}
