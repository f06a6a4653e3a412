import ArgumentParser
import JiraCI

/// What identifies and describes the run; `build`, `deploy` and `gate` take these.
struct PipelineOptions: ParsableArguments {
    @Option(.pipelineId)
    var pipelineId: String?

    @Option(.pipelineName)
    var pipelineName: String?

    @Option(.pipelineURL, as: WebURL.self)
    var pipelineURL: WebURL?

    @Option(.buildNumber, as: PayloadNumber.self)
    var buildNumber: PayloadNumber?

    @Option(.buildURL, as: WebURL.self)
    var buildURL: WebURL?

    @Option(.label)
    var label: String?

    @Option(.description)
    var description: String?

    @Option(.updateSequenceNumber, as: PayloadNumber.self)
    var updateSequenceNumber: PayloadNumber?

    func settings(_ source: SettingsSource) throws -> PipelineSettings {
        PipelineSettings(
            id: source.string(pipelineId, .pipelineId),
            name: source.string(pipelineName, .pipelineName),
            url: try source.value(pipelineURL, .pipelineURL)?.text,
            buildNumber: try source.value(self.buildNumber, .buildNumber)?.value,
            buildURL: try source.value(buildURL, .buildURL)?.text,
            label: source.string(label, .label),
            description: source.string(description, .description),
            updateSequenceNumber: try source.value(updateSequenceNumber, .updateSequenceNumber)?.value,
            repositoryName: BitbucketServerHook(source.environment)?.name)
    }
}
