/// What git knows of one commit that the development panel shows.
public struct CommitDetails: Sendable, Equatable {
    public enum ChangeType: String, Sendable, Codable {
        case added = "ADDED"
        case copied = "COPIED"
        case deleted = "DELETED"
        case modified = "MODIFIED"
        case moved = "MOVED"
        case unknown = "UNKNOWN"
    }

    public struct FileChange: Sendable, Equatable {
        public var path: String
        public var change: ChangeType
        public var linesAdded: Int
        public var linesRemoved: Int
    }

    public var sha: String
    public var parents: [String]
    public var authorName: String
    public var authorEmail: String
    /// Seconds since the epoch.
    public var authorTime: Int64
    /// The start of the message: enough for the 1,024 UTF-16 units Jira shows.
    public var message: String
    /// The keys of the whole message, in order, each once.
    public var keys: [String]
    /// Files changed (against the first parent for a merge; a rename counts once).
    public var fileCount: Int
    /// The first files by path, at most `CommitDetailReader.fileLimit`.
    public var files: [FileChange]

    public var isMerge: Bool { parents.count > 1 }
}
