/// Turns discovered keys and resolved settings into payloads that fit the API's rules. Pure: the clock and the
/// sequence are handed in.
public struct PayloadFactory: Sendable {
    public static let product = "jira-ci"

    public let updateSequence: @Sendable () -> Int64
    public let now: @Sendable () -> Int64

    public init(
        updateSequence: @escaping @Sendable () -> Int64,
        now: @escaping @Sendable () -> Int64 = WallClock.microsecondsSinceEpoch
    ) {
        self.updateSequence = updateSequence
        self.now = now
    }

    public struct Context: Sendable {
        public var keys: [String]
        public var commitSHA: String
        public var branch: String?
        public var repository: RepositoryLocation?
        public var pipelineId: String
        public var pipelineName: String
        public var buildNumber: Int64
        public var buildURL: String
    }

    /// A payload and what had to give way for it to fit.
    public struct Made<Entity: Sendable>: Sendable {
        public var entity: Entity
        public var adjustments: [PayloadAdjustment]
        /// Issue keys (and, for deployments, services) that did not fit, in the order they were given.
        public var dropped: [String]
    }

    public func build(_ settings: BuildSettings, pipeline: PipelineSettings, context: Context) -> Made<Build> {
        var limits = LimitEnforcer()
        var references: [Build.Reference]?
        if let repository = context.repository,
            let repositoryURI = limits.url(repository.webURL, field: "references.commit.repositoryUri")
        {
            let ref = context.branch.flatMap { branch in
                limits.url(repository.branchURL(branch), field: "references.ref.uri").map {
                    Build.Reference.Ref(name: limits.text(branch, field: "references.ref.name"), uri: $0)
                }
            }
            references = [Build.Reference(commit: .init(id: context.commitSHA, repositoryUri: repositoryURI), ref: ref)]
        }
        let keys = Array(context.keys.prefix(FieldLimits.associationValues))
        let build = Build(
            pipelineId: context.pipelineId,
            buildNumber: context.buildNumber,
            updateSequenceNumber: pipeline.updateSequenceNumber ?? updateSequence(),
            displayName: limits.text("\(context.pipelineName) #\(context.buildNumber)", field: "displayName"),
            description: limits.optionalText(pipeline.description, field: "description"),
            label: limits.optionalText(pipeline.label, field: "label"),
            url: context.buildURL,
            state: settings.state,
            lastUpdated: WallClock.rfc3339(microseconds: now()),
            associations: keys.isEmpty ? nil : [Association(associationType: .issueIdOrKeys, values: keys)],
            issueKeys: nil,
            testInfo: settings.testInfo,
            references: references)
        return Made(entity: build, adjustments: limits.adjustments, dropped: Array(context.keys.dropFirst(keys.count)))
    }

    /// Splitting associations over several requests loses all but the first, so they are trimmed to the limit
    /// instead: services first (dropping one would break gating), then issue keys in the documented order.
    public func deployment(_ settings: DeploymentSettings, pipeline: PipelineSettings, context: Context) -> Made<
        Deployment
    > {
        var limits = LimitEnforcer()
        let number = settings.deploymentNumber ?? context.buildNumber
        let description =
            pipeline.description
            ?? "Deployment of \(context.pipelineName) #\(number) to \(settings.environmentName)"
            + (settings.environmentURL.map { " (\($0))" } ?? "")

        let services = Array(settings.services.prefix(FieldLimits.associationValues))
        let keys = Array(context.keys.prefix(FieldLimits.associationValues - services.count))
        let dropped = Array(settings.services.dropFirst(services.count)) + Array(context.keys.dropFirst(keys.count))
        var associations: [Association] = []
        if !keys.isEmpty { associations.append(.init(associationType: .issueIdOrKeys, values: keys)) }
        if !services.isEmpty { associations.append(.init(associationType: .serviceIdOrKeys, values: services)) }

        let deployment = Deployment(
            deploymentSequenceNumber: number,
            updateSequenceNumber: pipeline.updateSequenceNumber ?? updateSequence(),
            associations: associations,
            displayName: limits.text("\(context.pipelineName) #\(number)", field: "displayName"),
            url: context.buildURL,
            description: limits.text(description, field: "description"),
            label: limits.optionalText(pipeline.label, field: "label"),
            duration: nil,
            lastUpdated: WallClock.rfc3339(microseconds: now()),
            state: settings.state,
            pipeline: .init(
                id: context.pipelineId,
                displayName: limits.text(context.pipelineName, field: "pipeline.displayName"),
                url: pipeline.url ?? context.buildURL),
            environment: .init(
                id: settings.resolvedEnvironmentId,
                displayName: limits.text(settings.environmentName, field: "environment.displayName"),
                type: settings.resolvedEnvironmentType),
            commands: settings.gate ? [.initiateDeploymentGating] : nil,
            triggeredBy: nil)
        return Made(entity: deployment, adjustments: limits.adjustments, dropped: dropped)
    }
}
