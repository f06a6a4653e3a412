/// Discovery, defaults, and payload building: everything a report does before choosing where to send it.
public struct ReportPlanner: Sendable {
    public let factory: PayloadFactory

    public init(factory: PayloadFactory) {
        self.factory = factory
    }

    /// - Parameter requireURL: a real report must link somewhere; a dry run only warns.
    public func plan(
        _ kind: ReportKind, search: KeySearch, pipeline: PipelineSettings, requireURL: Bool
    ) async throws -> ReportPlan {
        let discovery = try await KeyDiscovery(search: search).run()
        var warnings = discovery.warnings
        guard !discovery.keys.isEmpty else {
            warnings.append(.noKeys)
            return ReportPlan(discovery: discovery, identity: nil, entity: nil, warnings: warnings)
        }

        let buildURL = pipeline.buildURL ?? discovery.repository?.commitURL(discovery.commitSHA)
        if buildURL == nil {
            if requireURL { throw ConfigurationError.missing(.buildURL, hint: "the build's page in your CI, e.g. https://ci.example.com/job/shop/42/") }
            warnings.append(.missingURL)
        }
        let identity = try await PipelineIdentity.resolve(
            pipeline, git: GitRepository(path: search.repositoryPath), commitSHA: discovery.commitSHA,
            repository: discovery.repository)
        let context = PayloadFactory.Context(
            keys: discovery.keys.keys,
            commitSHA: discovery.commitSHA,
            branch: discovery.branch,
            repository: discovery.repository,
            pipelineId: identity.pipelineId,
            pipelineName: identity.pipelineName,
            buildNumber: identity.buildNumber,
            buildURL: buildURL ?? "")

        let entity: ReportEntity
        switch kind {
        case .build(let settings):
            let (build, adjustments) = factory.build(settings, pipeline: pipeline, context: context)
            warnings += adjustments.map(ReportWarning.adjusted)
            entity = .build(build)
        case .deployment(let settings):
            let (deployment, adjustments, dropped) = factory.deployment(settings, pipeline: pipeline, context: context)
            warnings += adjustments.map(ReportWarning.adjusted)
            if !dropped.isEmpty {
                warnings.append(.associationValuesDropped(kept: FieldLimits.associationValues, dropped: dropped))
            }
            entity = .deployment(deployment)
        }
        return ReportPlan(discovery: discovery, identity: identity, entity: entity, warnings: warnings)
    }
}
