import ArgumentParser
import JiraCI

/// What identifies and describes the run; `build` and `deploy` take these.
struct PipelineOptions: ParsableArguments {
    @Option(help: .help("Stable id of the pipeline (default: from the git remote and --pipeline-name).", .pipelineId))
    var pipelineId: String?

    @Option(help: .help("Pipeline name shown in Jira (default: the repository name).", .pipelineName))
    var pipelineName: String?

    @Option(help: .help("Link to the pipeline or job (default: the build URL).", .pipelineURL))
    var pipelineURL: String?

    @Option(help: .help("Build number (default: the commit's depth in history).", .buildNumber))
    var buildNumber: Int?

    @Option(help: .help("Link to this build in your CI.", .buildURL))
    var buildURL: String?

    @Option(help: .help("A short label, e.g. the version.", .label))
    var label: String?

    @Option(help: .help("A description of at most 255 characters.", .description))
    var description: String?

    @Option(help: .help("Override the strictly increasing update sequence number.", .updateSequenceNumber))
    var updateSequenceNumber: Int?

    func settings(_ source: SettingsSource) throws -> PipelineSettings {
        PipelineSettings(
            id: source.string(pipelineId, .pipelineId),
            name: source.string(pipelineName, .pipelineName),
            url: source.string(pipelineURL, .pipelineURL),
            buildNumber: try nonNegative(source.integer(buildNumber, .buildNumber), .buildNumber),
            buildURL: source.string(buildURL, .buildURL),
            label: source.string(label, .label),
            description: source.string(description, .description),
            updateSequenceNumber: try nonNegative(source.integer(updateSequenceNumber, .updateSequenceNumber), .updateSequenceNumber))
    }

    private func nonNegative(_ value: Int64?, _ variable: Variable) throws -> Int64? {
        if let value, value < 0 {
            throw ConfigurationError.invalid(variable, value: String(value), expected: "a number of 0 or more")
        }
        return value
    }
}

/// Where a report goes; `build`, `deploy` and the other Jira commands take these.
struct TargetOptions: ParsableArguments {
    @Option(help: .help("Your Jira site, e.g. https://acme.atlassian.net.", .jiraURL))
    var jiraURL: String?

    @Option(help: .help("cloud or server (default: cloud for *.atlassian.net or with a client ID).", .flavor))
    var flavor: String?

    @Option(help: .help("The site's cloudId (default: looked up from the site).", .cloudId))
    var cloudId: String?

    @Flag(help: .help("Show exactly what would be sent; needs no credentials and no network.", .dryRun))
    var dryRun = false

    func target(_ source: SettingsSource, hasClientId: Bool, apiURL: String) throws -> JiraTarget {
        let site = source.string(jiraURL, .jiraURL)
        if let site, URLParts(site) == nil {
            throw ConfigurationError.invalid(.jiraURL, value: site, expected: "an http(s) URL like https://acme.atlassian.net")
        }
        let flavor: JiraFlavor
        if let word = source.string(self.flavor, .flavor) {
            guard let chosen = JiraFlavor(rawValue: word.lowercased()) else {
                throw ConfigurationError.invalid(.flavor, value: word, expected: "cloud or server")
            }
            flavor = chosen
        } else {
            flavor = JiraTarget.inferredFlavor(siteURL: site, hasClientId: hasClientId)
        }
        return JiraTarget(flavor: flavor, siteURL: site, cloudId: source.string(cloudId, .cloudId), apiURL: apiURL)
    }
}
