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
