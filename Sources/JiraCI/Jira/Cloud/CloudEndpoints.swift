/// The Jira Cloud API's URLs for one site. A dry run without a cloudId shows `{cloudId}` in its place.
public struct CloudEndpoints: Sendable {
    public let apiURL: String
    public let cloudId: String?

    public init(apiURL: String, cloudId: String?) {
        self.apiURL = apiURL
        self.cloudId = cloudId
    }

    var cloudPath: String { cloudId.map(PercentEncoding.encode) ?? "{cloudId}" }

    public var token: String { "\(apiURL)/oauth/token" }

    public func bulk(_ kind: ReportAPI) -> String {
        "\(apiURL)/jira/\(kind.rawValue)/0.1/cloud/\(cloudPath)/bulk"
    }

    public func branch(repositoryId: String, branchId: String, updateSequenceId: Int64) -> String {
        "\(apiURL)/jira/devinfo/0.1/cloud/\(cloudPath)/repository/\(PercentEncoding.encode(repositoryId))/branch/\(PercentEncoding.encode(branchId))"
            + "?_updateSequenceId=\(updateSequenceId)"
    }

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

    /// One request for entities of one kind (they came batched within the API's limits).
    public func request(for entities: [ReportEntity], options: DevInfoHandling? = nil) throws -> PreparedRequest {
        let metadata = ProviderMetadata(product: PayloadFactory.product)
        switch entities.first {
        case .build?:
            let builds = entities.compactMap { entity -> Build? in
                if case .build(let build) = entity { build } else { nil }
            }
            return PreparedRequest(
                method: "POST", url: bulk(.builds),
                body: try JSON.body(BuildsRequest(builds: builds, providerMetadata: metadata)))
        case .deployment?:
            let deployments = entities.compactMap { entity -> Deployment? in
                if case .deployment(let deployment) = entity { deployment } else { nil }
            }
            return PreparedRequest(
                method: "POST", url: bulk(.deployments),
                body: try JSON.body(DeploymentsRequest(deployments: deployments, providerMetadata: metadata)))
        case .devinfo?:
            let repositories = DevInfoBatching.merged(
                entities.compactMap { entity -> DevInfoRepository? in
                    if case .devinfo(let repository) = entity { repository } else { nil }
                })
            let body = DevInfoRequest(
                repositories: repositories, preventTransitions: options?.preventTransitions,
                operationType: options?.backfill == true ? "BACKFILL" : nil, providerMetadata: metadata)
            return PreparedRequest(method: "POST", url: bulk(.devinfo), body: try JSON.body(body))
        case .branchDeletion(let deletion)?:
            return PreparedRequest(
                method: "DELETE",
                url: branch(
                    repositoryId: deletion.repositoryId, branchId: deletion.branchId,
                    updateSequenceId: deletion.updateSequenceId), body: nil)
        case nil:
            throw ConfigurationError.nothingToSend
        }
    }
}
