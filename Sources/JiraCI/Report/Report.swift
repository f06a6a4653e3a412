/// One report as a value: where it goes, as whom, what it says, and the git context a Jira Server link shows.
/// The same value is previewed (`--dry-run`), sent now, or kept in the outbox and sent later by the same code,
/// with its original `updateSequenceNumber`, so a late delivery never overwrites a newer state in Jira.
public struct Report: Sendable, Equatable, Codable {
    public var target: JiraTarget
    public var credential: CredentialIdentity
    public var entity: ReportEntity
    public var context: ReportContext
    /// Microseconds since the epoch: when the report was made, for the outbox's order and ages.
    public var createdAt: Int64

    public init(target: JiraTarget, credential: CredentialIdentity, entity: ReportEntity, context: ReportContext, createdAt: Int64) {
        self.target = target
        self.credential = credential
        self.entity = entity
        self.context = context
        self.createdAt = createdAt
    }

    /// Reports queued for one site and credential go out together; a different credential may not see them.
    public var queueKey: String {
        Self.queueKey(target: target, credential: credential)
    }

    public static func queueKey(target: JiraTarget, credential: CredentialIdentity) -> String {
        [target.flavor.rawValue, target.flavor == .cloud ? target.apiURL : "", target.siteURL ?? target.cloudId ?? "", credential.name]
            .joined(separator: "\n")
    }
}

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

    public init(branch: String?, commitSHA: String, pipelineName: String, commitCount: Int? = nil, devinfo: DevInfoHandling? = nil) {
        self.branch = branch
        self.commitSHA = commitSHA
        self.pipelineName = pipelineName
        self.commitCount = commitCount
        self.devinfo = devinfo
    }
}

/// Who a credential is, never what proves it: a client ID, a consumer key, a user name, or a digest of a
/// personal access token (which has no name of its own).
public struct CredentialIdentity: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public let name: String

    public init(name: String) {
        self.name = name
    }

    public var description: String { name }

    /// For a dry run, which needs no credential.
    public static let none = CredentialIdentity(name: "none")
}
