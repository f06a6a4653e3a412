/// Everything one run of a Jira command uses, resolved once from flags, variables and the CI's environment
/// and passed down: the runners never read a setting twice or from two places.
public struct RunSettings: Sendable {
    public var search: KeySearch
    public var pipeline: PipelineSettings
    public var target: JiraTarget
    /// Empty for a dry run, which needs none.
    public var credentials: JiraCredentials
    public var connection: ConnectionSettings
    public var server: ServerReportSettings
    public var dryRun: Bool
    public var softFail: Bool
    public var requireKeys: Bool
    /// nil with `--no-outbox` (or for a dry run): undelivered reports are then lost, as before the outbox.
    public var outboxDirectory: String?
    /// Why there is no outbox, for the line of a report that could not wait in one.
    public var outboxAbsence: String?

    public init(
        search: KeySearch, pipeline: PipelineSettings, target: JiraTarget, credentials: JiraCredentials,
        connection: ConnectionSettings, server: ServerReportSettings, dryRun: Bool, softFail: Bool, requireKeys: Bool,
        outboxDirectory: String?, outboxAbsence: String? = nil
    ) {
        self.search = search
        self.pipeline = pipeline
        self.target = target
        self.credentials = credentials
        self.connection = connection
        self.server = server
        self.dryRun = dryRun
        self.softFail = softFail
        self.requireKeys = requireKeys
        self.outboxDirectory = outboxDirectory
        self.outboxAbsence = outboxAbsence
    }

    /// Who reports go out as.
    public var credential: CredentialIdentity {
        credentials.identity(for: target.flavor)
    }

    /// The delivery for this run: a preview for a dry run, else a connected one.
    public func delivery() throws -> any JiraDelivery {
        dryRun
            ? JiraConnection.preview(target: target, options: server, credentials: credentials)
            : try JiraConnection.delivery(
                target: target, credentials: credentials, settings: connection, options: server)
    }
}
