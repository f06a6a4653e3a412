/// What one report tells Jira: a build, a deployment, a repository's commits and branches, or a deleted
/// branch. Stored in the outbox as `{"build": {…}}` and so on, the payload exactly as the API takes it.
public enum ReportEntity: Sendable, Equatable, Codable {
    case build(Build)
    case deployment(Deployment)
    case devinfo(DevInfoRepository)
    case branchDeletion(BranchDeletion)

    /// The issues the entity names, in the documented order.
    public var issueKeys: [String] {
        switch self {
        case .build(let build): build.keys
        case .deployment(let deployment): deployment.associations.issueKeys
        case .devinfo(let repository):
            ((repository.branches ?? []).flatMap(\.issueKeys) + (repository.commits ?? []).flatMap(\.issueKeys))
                .uniqued()
        case .branchDeletion(let deletion): deletion.issueKeys
        }
    }

    /// A build that names its issues in `associations`: a Jira older than that field refuses it, and
    /// jira-ci 0.2 cannot read it from the outbox.
    var isBuildByAssociation: Bool {
        if case .build(let build) = self { build.associations != nil } else { false }
    }

    /// What it is, for messages: `build shop #42`, `deployment 7 to production`, `3 commits and branch x of shop`.
    public var noun: String {
        switch self {
        case .build(let build): "build \(build.displayName)"
        case .deployment(let deployment):
            "deployment \(deployment.deploymentSequenceNumber) to \(deployment.environment.displayName)"
        case .devinfo(let repository):
            ([(repository.commits?.count).map { "\($0) commit\($0 == 1 ? "" : "s")" }]
                + (repository.branches ?? []).map { "branch \($0.name)" })
                .compactMap { $0 }.joined(separator: " and ") + " of \(repository.name)"
        case .branchDeletion(let deletion): "deletion of branch \(deletion.branchName) of \(deletion.repositoryName)"
        }
    }

    public var api: ReportAPI {
        switch self {
        case .build: .builds
        case .deployment: .deployments
        case .devinfo: .devinfo
        case .branchDeletion: .branchDeletion
        }
    }

    private enum CodingKeys: String, CodingKey {
        case build, deployment, devinfo, branchDeletion
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let build = try container.decodeIfPresent(Build.self, forKey: .build) {
            self = .build(build)
        } else if let deployment = try container.decodeIfPresent(Deployment.self, forKey: .deployment) {
            self = .deployment(deployment)
        } else if let repository = try container.decodeIfPresent(DevInfoRepository.self, forKey: .devinfo) {
            self = .devinfo(repository)
        } else {
            self = .branchDeletion(try container.decode(BranchDeletion.self, forKey: .branchDeletion))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .build(let build): try container.encode(build, forKey: .build)
        case .deployment(let deployment): try container.encode(deployment, forKey: .deployment)
        case .devinfo(let repository): try container.encode(repository, forKey: .devinfo)
        case .branchDeletion(let deletion): try container.encode(deletion, forKey: .branchDeletion)
        }
    }
}
