import JiraCI

/// What the environment said that cannot be used: a CI's build number that is text, a link that is no absolute
/// http(s) URL without credentials, a BB_BASE_URL that is no link base. Each is a warning, never a lost report.
enum UnusableFacts {
    /// What the CI said that cannot be used is no reason to lose the report: the derived number serves, and a
    /// link that is no absolute http(s) URL without credentials is left out.
    static func warn(_ source: SettingsSource, pipeline settings: PipelineSettings?) {
        if let problem = BitbucketServerHook(source.environment)?.baseProblem { Terminal.warning(problem) }
        guard let detected = source.detected, let settings else { return }
        let missing: [(Variable, Bool, String)] = [
            (
                .buildNumber, settings.buildNumber == nil,
                "is no number Jira takes; using the build number derived from the commit (or set --build-number)"
            ),
            (
                .buildURL, settings.buildURL == nil,
                "is no absolute http(s) URL without credentials; the report does not link to it (or set --build-url)"
            ),
            (
                .pipelineURL, settings.url == nil,
                "is no absolute http(s) URL without credentials; the report does not link to it (or set --pipeline-url)"
            ),
        ]
        for (variable, isMissing, consequence) in missing where isMissing {
            guard let unusable = detected.unusable[variable] else { continue }
            Terminal.warning(
                "\(detected.name)'s \(unusable.variable) '\(URLCredentials.masked(TerminalText.oneLine(unusable.value)))' \(consequence)"
            )
        }
    }
}
