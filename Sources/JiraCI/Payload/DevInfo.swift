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

    public init(id: String, name: String, url: String, updateSequenceId: Int64, commits: [DevInfoCommit]?, branches: [DevInfoBranch]?) {
        self.id = id
        self.name = name
        self.url = url
        self.updateSequenceId = updateSequenceId
        self.commits = commits
        self.branches = branches
    }

    public var entityCount: Int { (commits?.count ?? 0) + (branches?.count ?? 0) }
}

public struct DevInfoCommit: Sendable, Codable, Equatable {
    public struct Author: Sendable, Codable, Equatable {
        public var name: String
        public var email: String?
    }

    public struct File: Sendable, Codable, Equatable {
        public var path: String
        public var url: String
        public var changeType: CommitDetails.ChangeType
        public var linesAdded: Int
        public var linesRemoved: Int
    }

    public var id: String
    public var issueKeys: [String]
    public var updateSequenceId: Int64
    public var message: String
    public var author: Author
    public var authorTimestamp: String
    public var displayId: String
    public var fileCount: Int
    public var url: String
    public var flags: [String]?
    public var files: [File]?
}

public struct DevInfoBranch: Sendable, Codable, Equatable {
    public var id: String
    public var issueKeys: [String]
    public var updateSequenceId: Int64
    public var name: String
    public var lastCommit: DevInfoCommit
    public var url: String
    public var createPullRequestUrl: String?
}

/// The body of `POST …/devinfo/0.1/cloud/{cloudId}/bulk`.
public struct DevInfoRequest: Sendable, Codable, Equatable {
    public var repositories: [DevInfoRepository]
    public var preventTransitions: Bool?
    public var operationType: String?
    public var providerMetadata: ProviderMetadata

    /// At most this many repositories, and entities in all, per request.
    public static let repositoryLimit = 100
    public static let entityLimit = 1000
}

/// How a devinfo report asks Jira to treat it.
public struct DevInfoHandling: Sendable, Codable, Hashable {
    /// Smart-commit transitions and notifications do not fire; nil leaves Jira's default.
    public var preventTransitions: Bool?
    /// A historical import: Jira treats it as background work.
    public var backfill: Bool

    public init(preventTransitions: Bool? = nil, backfill: Bool = false) {
        self.preventTransitions = preventTransitions
        self.backfill = backfill
    }
}

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
