/// One deployment as the Deployments API takes it. Field names are the API's.
public struct Deployment: Sendable, Codable, Equatable {
    public var schemaVersion = "1.0"
    public var deploymentSequenceNumber: Int64
    public var updateSequenceNumber: Int64
    public var associations: [Association]
    public var displayName: String
    public var url: String
    public var description: String
    public var label: String?
    public var duration: Int?
    public var lastUpdated: String
    public var state: DeploymentState
    public var pipeline: Pipeline
    public var environment: Environment
    public var commands: [Command]?
    public var triggeredBy: TriggeredBy?

    public struct Pipeline: Sendable, Codable, Equatable {
        public var id: String
        public var displayName: String
        public var url: String
    }

    public struct Environment: Sendable, Codable, Equatable {
        public var id: String
        public var displayName: String
        public var type: EnvironmentType
    }

    public struct Command: Sendable, Codable, Equatable {
        public var command: String
        public static let initiateDeploymentGating = Command(command: "initiate_deployment_gating")
    }

    public struct TriggeredBy: Sendable, Codable, Equatable {
        public var email: String
    }
}
