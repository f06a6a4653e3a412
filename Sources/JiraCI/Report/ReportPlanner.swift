/// Discovery, defaults, and payload building: everything a report does before it is previewed, sent or queued.
public struct ReportPlanner: Sendable {
    public let factory: PayloadFactory
    /// Where the reports go and as whom; they carry it, so the outbox can send them later.
    public let target: JiraTarget
    public let credential: CredentialIdentity

    public init(factory: PayloadFactory, target: JiraTarget, credential: CredentialIdentity) {
        self.factory = factory
        self.target = target
        self.credential = credential
    }

    /// Everything a report will send, plus how it was decided.
    public struct Plan: Sendable {
        public var discovery: KeyDiscoveryResult
        /// nil, like `report`, when there is nothing to send.
        public var identity: PipelineIdentity?
        public var report: Report?
        public var warnings: [ReportWarning]
    }

    /// - Parameter requireURL: a real report must link somewhere; a dry run only warns.
    public func plan(_ kind: ReportKind, search: KeySearch, pipeline: PipelineSettings, requireURL: Bool) async throws
        -> Plan
    {
        let discovery = try await KeyDiscovery(search: search).run()
        var warnings = discovery.warnings
        // A deployment of a service names no issue in change management: its service association is enough.
        let hasServices = if case .deployment(let settings) = kind { !settings.services.isEmpty } else { false }
        guard !discovery.keys.isEmpty || hasServices else {
            warnings.append(.noKeys)
            return Plan(discovery: discovery, identity: nil, report: nil, warnings: warnings)
        }

        let buildURL = pipeline.buildURL ?? discovery.repository?.commitURL(discovery.commitSHA)
        if buildURL == nil {
            if requireURL {
                throw ConfigurationError.missing(
                    .buildURL, hint: "the build's page in your CI, e.g. https://ci.example.com/job/shop/42/")
            }
            warnings.append(.missingURL)
        }
        let identity = try await PipelineIdentity.resolve(
            pipeline, git: search.git,
            start: SearchStart(
                commitSHA: discovery.commitSHA, branch: discovery.branch, repository: discovery.repository))
        let context = PayloadFactory.Context(
            keys: discovery.keys.keys,
            commitSHA: discovery.commitSHA,
            branch: discovery.branch,
            repository: discovery.repository,
            pipelineId: identity.pipelineId,
            pipelineName: identity.pipelineName,
            buildNumber: identity.buildNumber,
            buildURL: buildURL ?? "{buildURL}")

        let entity: ReportEntity
        switch kind {
        case .build(let settings):
            let made = factory.build(settings, pipeline: pipeline, context: context)
            warnings += made.adjustments.map(ReportWarning.adjusted)
            if !made.dropped.isEmpty {
                warnings.append(.buildKeysLeftOut(limit: FieldLimits.associationValues, keys: made.dropped))
            }
            entity = .build(made.entity)
        case .deployment(let settings):
            let made = factory.deployment(settings, pipeline: pipeline, context: context)
            warnings += made.adjustments.map(ReportWarning.adjusted)
            if !made.dropped.isEmpty {
                warnings.append(.associationValuesDropped(kept: FieldLimits.associationValues, dropped: made.dropped))
            }
            if settings.environmentType == nil, made.entity.environment.type == .unmapped,
                let typo = EnvironmentType.likelyTypo(inName: settings.environmentName)
            {
                warnings.append(
                    .unmappedEnvironment(name: settings.environmentName, word: typo.word, suggestion: typo.suggestion))
            }
            entity = .deployment(made.entity)
        }
        let report = Report(
            target: target, credential: credential, entity: entity,
            context: ReportContext(
                branch: discovery.branch, commitSHA: discovery.commitSHA, pipelineName: identity.pipelineName),
            createdAt: factory.now())
        return Plan(discovery: discovery, identity: identity, report: report, warnings: warnings)
    }
}
