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

    public init(
        target: JiraTarget, credential: CredentialIdentity, entity: ReportEntity, context: ReportContext,
        createdAt: Int64
    ) {
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
        [
            target.flavor.rawValue, target.flavor == .cloud ? target.apiURL : "",
            target.siteURL ?? target.cloudId ?? "", credential.name,
        ]
        .joined(separator: "\n")
    }
}
