@testable import JiraCI

/// Sample reports, built the way the planner builds them.
enum Sample {
    static let cloud = JiraTarget(flavor: .cloud, siteURL: "https://acme.atlassian.net", cloudId: "cloud-1")
    static let credential = CredentialIdentity(name: "client-1")

    static func build(pipelineId: String = "github.com/acme/shop", number: Int64 = 42, keys: [String] = ["ABC-1"])
        -> Build
    {
        Build(
            pipelineId: pipelineId, buildNumber: number, updateSequenceNumber: 1_700_000_000 + number,
            displayName: "shop #\(number)",
            description: nil, label: nil, url: "https://ci.example.com/shop/\(number)", state: .successful,
            lastUpdated: "2026-01-02T03:04:05.000Z",
            associations: [.init(associationType: .issueIdOrKeys, values: keys)], issueKeys: nil,
            testInfo: nil, references: nil)
    }

    static func deployment(
        pipelineId: String = "github.com/acme/shop", environmentId: String = "production", number: Int64 = 7,
        keys: [String] = ["ABC-1"]
    ) -> Deployment {
        Deployment(
            deploymentSequenceNumber: number, updateSequenceNumber: 1_700_000_000 + number,
            associations: [.init(associationType: .issueIdOrKeys, values: keys)], displayName: "deploy \(number)",
            url: "https://ci.example.com/shop/deploy/\(number)", description: "deploy", label: nil, duration: nil,
            lastUpdated: "2026-01-02T03:04:05.000Z", state: .successful,
            pipeline: .init(id: pipelineId, displayName: "shop", url: "https://ci.example.com/shop"),
            environment: .init(id: environmentId, displayName: environmentId, type: .production), commands: nil,
            triggeredBy: nil)
    }

    static func report(
        _ entity: ReportEntity, target: JiraTarget = cloud, credential: CredentialIdentity = credential,
        createdAt: Int64 = 1_700_000_000_000_000
    ) -> Report {
        Report(
            target: target, credential: credential, entity: entity,
            context: ReportContext(
                branch: "main", commitSHA: "0123456789abcdef0123456789abcdef01234567", pipelineName: "shop"),
            createdAt: createdAt)
    }

    static func buildReport(
        number: Int64 = 42, keys: [String] = ["ABC-1"], target: JiraTarget = cloud,
        credential: CredentialIdentity = credential, createdAt: Int64 = 1_700_000_000_000_000
    ) -> Report {
        report(.build(build(number: number, keys: keys)), target: target, credential: credential, createdAt: createdAt)
    }
}
