/// One build as the Builds API takes it. Field names are the API's.
public struct Build: Sendable, Codable, Equatable {
    public var schemaVersion = "1.0"
    public var pipelineId: String
    public var buildNumber: Int64
    public var updateSequenceNumber: Int64
    public var displayName: String
    public var description: String?
    public var label: String?
    public var url: String
    public var state: BuildState
    public var lastUpdated: String
    public var issueKeys: [String]
    public var testInfo: TestInfo?
    public var references: [Reference]?

    public struct TestInfo: Sendable, Codable, Equatable {
        public var totalNumber: Int
        public var numberPassed: Int
        public var numberFailed: Int
        public var numberSkipped: Int?

        public init(totalNumber: Int, numberPassed: Int, numberFailed: Int, numberSkipped: Int?) {
            self.totalNumber = totalNumber
            self.numberPassed = numberPassed
            self.numberFailed = numberFailed
            self.numberSkipped = numberSkipped
        }

        public static func + (lhs: TestInfo, rhs: TestInfo) -> TestInfo {
            TestInfo(
                totalNumber: lhs.totalNumber + rhs.totalNumber,
                numberPassed: lhs.numberPassed + rhs.numberPassed,
                numberFailed: lhs.numberFailed + rhs.numberFailed,
                numberSkipped: (lhs.numberSkipped ?? 0) + (rhs.numberSkipped ?? 0))
        }
    }

    public struct Reference: Sendable, Codable, Equatable {
        public struct Commit: Sendable, Codable, Equatable {
            public var id: String
            public var repositoryUri: String
        }
        public struct Ref: Sendable, Codable, Equatable {
            public var name: String
            public var uri: String
        }
        public var commit: Commit?
        public var ref: Ref?
    }
}

/// The body of `POST …/builds/0.1/cloud/{cloudId}/bulk`.
public struct BuildsRequest: Sendable, Codable, Equatable {
    public var builds: [Build]
    public var providerMetadata: ProviderMetadata
}

public struct ProviderMetadata: Sendable, Codable, Equatable {
    public var product: String
}
