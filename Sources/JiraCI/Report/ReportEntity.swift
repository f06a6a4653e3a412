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
    /// nil, like `entity`, when no keys were found: there is nothing to send.
    public var identity: PipelineIdentity?
    public var entity: ReportEntity?
    public var warnings: [ReportWarning]
}

/// An entity with the git context a Server link summary shows.
public struct ReportSubject: Sendable, Equatable {
    public var entity: ReportEntity
    public var branch: String?
    public var commitSHA: String
    public var pipelineName: String

    public init(entity: ReportEntity, branch: String?, commitSHA: String, pipelineName: String) {
        self.entity = entity
        self.branch = branch
        self.commitSHA = commitSHA
        self.pipelineName = pipelineName
    }
}

extension ReportPlan {
    public var subject: ReportSubject? {
        guard let entity, let identity else { return nil }
        return ReportSubject(entity: entity, branch: discovery.branch, commitSHA: discovery.commitSHA, pipelineName: identity.pipelineName)
    }
}
