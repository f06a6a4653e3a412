/// The git facts a report was made from, which Jira Server's link texts and the outcome lines show, and how
/// development information asks to be treated.
public struct ReportContext: Sendable, Equatable, Codable {
    public var branch: String?
    public var commitSHA: String
    /// The pipeline's name; for development information, the repository's.
    public var pipelineName: String
    /// Development information: the branch's commits (a Jira Server branch link says how many).
    public var commitCount: Int?
    public var devinfo: DevInfoHandling?

    public init(
        branch: String?, commitSHA: String, pipelineName: String, commitCount: Int? = nil,
        devinfo: DevInfoHandling? = nil
    ) {
        self.branch = branch
        self.commitSHA = commitSHA
        self.pipelineName = pipelineName
        self.commitCount = commitCount
        self.devinfo = devinfo
    }
}
