import JiraCI

/// `build` and `deploy`: resolve the settings once, then report (or, from a hook, report every pushed branch).
struct ReportCommandRunner {
    let options: ReportCommandOptions
    /// What is reported, from the command's own options.
    let kind: (SettingsSource) throws -> ReportKind

    func run() async throws {
        let source = SettingsSource.current()
        // What is reported is checked first: a mistake in it is found before anything is asked of Jira.
        guard options.hook.isHook(source) else {
            let kind = try kind(source)
            let settings = try resolve(source)
            return try await ReportRunner(settings: settings, json: try options.output.isJSON(source)).run(kind)
        }
        await HookRun.start(options.hook, source: source) { run in
            let kind = try kind(source)
            let settings = try resolve(source, hook: run)
            let runner = ReportRunner(settings: settings, json: try options.output.isJSON(source))
            try await PushRunner(
                settings: settings, json: runner.json, hook: run,
                plan: { update, baseline in
                    try await runner.branch(kind, update: update, baseline: baseline, environment: source.environment)
                },
                jsonOutput: { _, results in try Terminal.json(ReportOutcome.merged(results.compactMap(\.outcome))) }
            ).run()
        }
    }

    private func resolve(_ source: SettingsSource, hook: HookRun? = nil) throws -> RunSettings {
        try RunSettings.resolve(
            source, keySource: options.keySource, pipeline: options.pipeline, jira: options.jira,
            output: options.output, hook: hook)
    }
}
