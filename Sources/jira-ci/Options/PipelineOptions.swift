import ArgumentParser
import JiraCI

/// What identifies and describes the run; `build`, `deploy` and `gate` take these.
struct PipelineOptions: ParsableArguments {
    @Option(help: .help("Stable id of the pipeline (default: from the git remote and --pipeline-name; made URL-safe).", .pipelineId))
    var pipelineId: String?

    @Option(help: .help("Pipeline name shown in Jira (default: the repository name).", .pipelineName))
    var pipelineName: String?

    @Option(of: WebURL.self, help: .help("Link to the pipeline or job (default: the build URL).", .pipelineURL))
    var pipelineURL: WebURL?

    @Option(of: PayloadNumber.self, help: .help("Build number (default: the CI's, else one derived from the commit).", .buildNumber))
    var buildNumber: PayloadNumber?

    @Option(of: WebURL.self, help: .help("Link to this build in your CI.", .buildURL))
    var buildURL: WebURL?

    @Option(help: .help("A short label, e.g. the version.", .label))
    var label: String?

    @Option(help: .help("A description of at most 255 characters.", .description))
    var description: String?

    @Option(of: PayloadNumber.self, help: .help("Override the strictly increasing update sequence number.", .updateSequenceNumber))
    var updateSequenceNumber: PayloadNumber?

    func settings(_ source: SettingsSource) throws -> PipelineSettings {
        let buildNumber = try source.value(self.buildNumber, .buildNumber)?.value
        // A CI's own build number that is text is no reason to lose the report: the derived number serves.
        if buildNumber == nil, let detected = source.detected, let unusable = detected.unusable[.buildNumber] {
            Terminal.warning(
                "\(detected.name)'s \(unusable.variable) '\(TerminalText.oneLine(unusable.value))' is no number Jira takes; using the build number derived from the commit (or set --build-number)")
        }
        return PipelineSettings(
            id: source.string(pipelineId, .pipelineId),
            name: source.string(pipelineName, .pipelineName),
            url: try source.value(pipelineURL, .pipelineURL)?.text,
            buildNumber: buildNumber,
            buildURL: try source.value(buildURL, .buildURL)?.text,
            label: source.string(label, .label),
            description: source.string(description, .description),
            updateSequenceNumber: try source.value(updateSequenceNumber, .updateSequenceNumber)?.value,
            repositoryName: BitbucketServerHook(source.environment)?.name)
    }
}
