/// A branch deleted from a repository: the development panel should stop listing it.
public struct BranchDeletion: Sendable, Codable, Equatable {
    public var repositoryId: String
    public var repositoryName: String
    public var branchId: String
    public var branchName: String
    /// The issues its links are on (Jira Server deletes a link per issue).
    public var issueKeys: [String]
    public var updateSequenceId: Int64
}
