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
