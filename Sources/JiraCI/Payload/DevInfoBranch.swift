public struct DevInfoBranch: Sendable, Codable, Equatable {
    public var id: String
    public var issueKeys: [String]
    public var updateSequenceId: Int64
    public var name: String
    public var lastCommit: DevInfoCommit
    public var url: String
    public var createPullRequestUrl: String?
}
