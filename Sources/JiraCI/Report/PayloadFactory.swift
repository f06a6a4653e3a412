/// Turns discovered keys and resolved settings into payloads that fit the API's rules. Pure: the clock and the
/// sequence are handed in.
public struct PayloadFactory: Sendable {
    public static let product = "jira-ci"

    public let updateSequence: @Sendable () -> Int64
    public let now: @Sendable () -> Int64

    public init(
        updateSequence: @escaping @Sendable () -> Int64, now: @escaping @Sendable () -> Int64 = Clock.microsecondsSinceEpoch
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

    public func build(_ settings: BuildSettings, pipeline: PipelineSettings, context: Context)
        -> (Build, [PayloadAdjustment])
    {
        var limits = LimitEnforcer()
        var references: [Build.Reference]?
        if let repository = context.repository {
            let ref = context.branch.map {
                Build.Reference.Ref(name: limits.text($0, field: "references.ref.name"), uri: limits.url(repository.branchURL($0), field: "references.ref.uri"))
            }
            references = [
                Build.Reference(
                    commit: .init(id: context.commitSHA, repositoryUri: limits.url(repository.webURL, field: "references.commit.repositoryUri")),
                    ref: ref)
            ]
        }
        let build = Build(
            pipelineId: context.pipelineId,
            buildNumber: context.buildNumber,
            updateSequenceNumber: pipeline.updateSequenceNumber ?? updateSequence(),
            displayName: limits.text("\(context.pipelineName) #\(context.buildNumber)", field: "displayName"),
            description: limits.optionalText(pipeline.description, field: "description"),
            label: limits.optionalText(pipeline.label, field: "label"),
            url: limits.url(context.buildURL, field: "url"),
            state: settings.state,
            lastUpdated: Clock.rfc3339(microseconds: now()),
            issueKeys: Array(context.keys.prefix(FieldLimits.issueKeys)),
            testInfo: settings.testInfo,
            references: references)
        return (build, limits.adjustments)
    }

    public func deployment(_ settings: DeploymentSettings, pipeline: PipelineSettings, context: Context)
        -> (Deployment, [PayloadAdjustment], dropped: [String])
    {
        var limits = LimitEnforcer()
        let number = settings.deploymentNumber ?? context.buildNumber
        let type = settings.environmentType ?? EnvironmentType.inferred(fromName: settings.environmentName, map: settings.environmentMap)
        let description = pipeline.description
            ?? "Deployment of \(context.pipelineName) #\(number) to \(settings.environmentName)"
            + (settings.environmentURL.map { " (\($0))" } ?? "")

        // Splitting associations over several requests loses all but the first, so trim to the limit instead,
        // keeping issue keys first.
        var budget = FieldLimits.associationValues
        let keys = Array(context.keys.prefix(budget))
        budget -= keys.count
        let services = Array(settings.services.prefix(budget))
        let dropped = Array(context.keys.dropFirst(keys.count)) + Array(settings.services.dropFirst(services.count))
        var associations = [Deployment.Association(associationType: .issueIdOrKeys, values: keys)]
        if !services.isEmpty {
            associations.append(.init(associationType: .serviceIdOrKeys, values: services))
        }

        let deployment = Deployment(
            deploymentSequenceNumber: number,
            updateSequenceNumber: pipeline.updateSequenceNumber ?? updateSequence(),
            associations: associations,
            displayName: limits.text("\(context.pipelineName) #\(number)", field: "displayName"),
            url: limits.url(context.buildURL, field: "url"),
            description: limits.text(description, field: "description"),
            label: limits.optionalText(pipeline.label, field: "label"),
            duration: nil,
            lastUpdated: Clock.rfc3339(microseconds: now()),
            state: settings.state,
            pipeline: .init(
                id: context.pipelineId,
                displayName: limits.text(context.pipelineName, field: "pipeline.displayName"),
                url: limits.url(pipeline.url ?? context.buildURL, field: "pipeline.url")),
            environment: .init(
                id: settings.resolvedEnvironmentId,
                displayName: limits.text(settings.environmentName, field: "environment.displayName"),
                type: type),
            commands: settings.gate ? [.initiateDeploymentGating] : nil,
            triggeredBy: nil)
        return (deployment, limits.adjustments, dropped)
    }
}
