/// The Jira Cloud API's URLs for one site. A dry run without a cloudId shows `{cloudId}` in its place.
public struct CloudEndpoints: Sendable {
    public let apiURL: String
    public let cloudId: String?

    public init(apiURL: String, cloudId: String?) {
        self.apiURL = apiURL
        self.cloudId = cloudId
    }

    var cloudPath: String { PercentEncoding.encode(cloudId ?? "{cloudId}").replacingBraces() }

    public var token: String { "\(apiURL)/oauth/token" }
    public var buildsBulk: String { "\(apiURL)/jira/builds/0.1/cloud/\(cloudPath)/bulk" }
    public var deploymentsBulk: String { "\(apiURL)/jira/deployments/0.1/cloud/\(cloudPath)/bulk" }

    public func build(pipelineId: String, buildNumber: Int64) -> String {
        "\(apiURL)/jira/builds/0.1/cloud/\(cloudPath)/pipelines/\(PercentEncoding.encode(pipelineId))/builds/\(buildNumber)"
    }

    public func deployment(pipelineId: String, environmentId: String, number: Int64) -> String {
        "\(apiURL)/jira/deployments/0.1/cloud/\(cloudPath)/pipelines/\(PercentEncoding.encode(pipelineId))"
            + "/environments/\(PercentEncoding.encode(environmentId))/deployments/\(number)"
    }

    public func gatingStatus(pipelineId: String, environmentId: String, number: Int64) -> String {
        deployment(pipelineId: pipelineId, environmentId: environmentId, number: number) + "/gating-status"
    }

    /// The one request a report makes to the Cloud API.
    public func request(for entity: ReportEntity) throws -> PreparedRequest {
        switch entity {
        case .build(let build):
            let body = BuildsRequest(builds: [build], providerMetadata: .init(product: PayloadFactory.product))
            return PreparedRequest(method: "POST", url: buildsBulk, body: try JSON.encode(body))
        case .deployment(let deployment):
            let body = DeploymentsRequest(deployments: [deployment], providerMetadata: .init(product: PayloadFactory.product))
            return PreparedRequest(method: "POST", url: deploymentsBulk, body: try JSON.encode(body))
        }
    }
}

extension String {
    /// The `{cloudId}` placeholder reads better unescaped in a dry run.
    fileprivate func replacingBraces() -> String {
        self == "%7BcloudId%7D" ? "{cloudId}" : self
    }
}
