/// A build or a deployment, ready for any flavour of Jira, with the context a Server link summary shows.
public enum ReportEntity: Sendable, Equatable {
    case build(Build)
    case deployment(Deployment)

    public var issueKeys: [String] {
        switch self {
        case .build(let build): build.issueKeys
        case .deployment(let deployment):
            deployment.associations.filter { $0.associationType == .issueIdOrKeys }.flatMap(\.values)
        }
    }
}

/// Everything a report will send, plus how it was decided.
public struct ReportPlan: Sendable {
    public var discovery: KeyDiscoveryResult
    /// nil when no keys were found: there is nothing to send.
    public var entity: ReportEntity?
    public var warnings: [ReportWarning]
    public var pipelineName: String
}
