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
        let settings = PipelineSettings(
            id: source.string(pipelineId, .pipelineId),
            name: source.string(pipelineName, .pipelineName),
            url: try source.value(pipelineURL, .pipelineURL)?.text,
            buildNumber: try source.value(self.buildNumber, .buildNumber)?.value,
            buildURL: try source.value(buildURL, .buildURL)?.text,
            label: source.string(label, .label),
            description: source.string(description, .description),
            updateSequenceNumber: try source.value(updateSequenceNumber, .updateSequenceNumber)?.value,
            repositoryName: BitbucketServerHook(source.environment)?.name)
        warnUnusable(source, settings)
        return settings
    }

    /// What the CI said that cannot be used is no reason to lose the report: the derived number serves, and a
    /// link that is no absolute http(s) URL without credentials is left out.
    private func warnUnusable(_ source: SettingsSource, _ settings: PipelineSettings) {
        guard let detected = source.detected else { return }
        let missing: [(Variable, Bool, String)] = [
            (.buildNumber, settings.buildNumber == nil, "is no number Jira takes; using the build number derived from the commit (or set --build-number)"),
            (.buildURL, settings.buildURL == nil, "is no absolute http(s) URL without credentials; the report does not link to it (or set --build-url)"),
            (.pipelineURL, settings.url == nil, "is no absolute http(s) URL without credentials; the report does not link to it (or set --pipeline-url)"),
        ]
        for (variable, isMissing, consequence) in missing where isMissing {
            guard let unusable = detected.unusable[variable] else { continue }
            Terminal.warning("\(detected.name)'s \(unusable.variable) '\(URLCredentials.masked(TerminalText.oneLine(unusable.value)))' \(consequence)")
        }
        if let problem = BitbucketServerHook(source.environment)?.baseProblem { Terminal.warning(problem) }
    }
}
