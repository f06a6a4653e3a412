/// The keys of one build, and the git facts found on the way that a payload needs too.
public struct KeyDiscoveryResult: Sendable {
    public var keys: IssueKeyCollection
    public var commitSHA: String
    public var branch: String?
    public var repository: RepositoryLocation?
    /// The tag `--since-tag` chose, when one was reachable.
    public var sinceTag: (name: String, commit: String)?
    public var warnings: [ReportWarning]
}
