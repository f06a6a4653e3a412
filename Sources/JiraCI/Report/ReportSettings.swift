/// What identifies and describes the run, shared by builds and deployments.
public struct PipelineSettings: Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var url: String?
    public var buildNumber: Int64?
    public var buildURL: String?
    public var label: String?
    public var description: String?
    public var updateSequenceNumber: Int64?
    /// The repository's name when git has no remote to tell it: a Bitbucket Server repository on disk is a
    /// numbered folder, and its hook says `PROJECT/slug`.
    public var repositoryName: String?

    public init(
        id: String? = nil, name: String? = nil, url: String? = nil, buildNumber: Int64? = nil, buildURL: String? = nil,
        label: String? = nil, description: String? = nil, updateSequenceNumber: Int64? = nil, repositoryName: String? = nil
    ) {
        self.repositoryName = repositoryName
        self.id = id
        self.name = name
        self.url = url
        self.buildNumber = buildNumber
        self.buildURL = buildURL
        self.label = label
        self.description = description
        self.updateSequenceNumber = updateSequenceNumber
    }
}

public struct BuildSettings: Sendable, Equatable {
    public var state: BuildState
    public var testInfo: Build.TestInfo?

    public init(state: BuildState, testInfo: Build.TestInfo? = nil) {
        self.state = state
        self.testInfo = testInfo
    }
}

public struct DeploymentSettings: Sendable, Equatable {
    public var environmentName: String
    public var environmentId: String?
    public var environmentType: EnvironmentType?
    public var environmentMap: EnvironmentTypeMap
    public var environmentURL: String?
    public var deploymentNumber: Int64?
    public var state: DeploymentState
    public var services: [String]
    public var gate: Bool

    public init(
        environmentName: String, environmentId: String? = nil, environmentType: EnvironmentType? = nil,
        environmentMap: EnvironmentTypeMap = EnvironmentTypeMap(), environmentURL: String? = nil,
        deploymentNumber: Int64? = nil, state: DeploymentState, services: [String] = [], gate: Bool = false
    ) {
        self.environmentName = environmentName
        self.environmentId = environmentId
        self.environmentType = environmentType
        self.environmentMap = environmentMap
        self.environmentURL = environmentURL
        self.deploymentNumber = deploymentNumber
        self.state = state
        self.services = services
        self.gate = gate
    }

    /// The id Jira groups deployments by: stable across runs (never derived from a run number), safe in a URL
    /// path, and the same for two names only when they differ in letter case alone.
    public var resolvedEnvironmentId: String {
        environmentId.map { Identifiers.pathSafe($0) } ?? Identifiers.environmentId(environmentName)
    }

    /// The type Jira files the environment under: given, else from the map or the name's words.
    public var resolvedEnvironmentType: EnvironmentType {
        environmentType ?? EnvironmentType.inferred(fromName: environmentName, map: environmentMap)
    }
}

/// The thing being reported.
public enum ReportKind: Sendable, Equatable {
    case build(BuildSettings)
    case deployment(DeploymentSettings)
}
