import JiraCI

/// `devinfo`: the range of a CI run or a hand's, a hook's pushed branches, or a one-time backfill.
struct DevInfoCommandRunner {
    let devinfo: DevInfoOptions
    let keySource: KeySourceOptions
    let jira: JiraOptions
    let hook: HookOptions
    let output: OutputOptions

    func run() async throws {
        let source = SettingsSource.current()
        guard hook.isHook(source) else {
            let settings = try resolve(source)
            let runner = DevInfoRunner(
                settings: settings, devinfo: try devinfo.settings(source), json: try output.isJSON(source))
            if try source.flag(devinfo.backfill, .backfill) {
                return try await runner.backfill(
                    allBranches: try devinfo.isAllBranches(source),
                    stateDirectory: ConnectionResolver(options: jira.network, source: source).stateDirectory())
            }
            return try await runner.run()
        }
        await HookRun.start(hook, source: source) { run in
            let settings = try resolve(source, hook: run)
            let runner = DevInfoRunner(
                settings: settings, devinfo: try devinfo.settings(source), json: try output.isJSON(source))
            let planner = runner.planner
            try await PushRunner(
                settings: settings, json: runner.json, hook: run,
                plan: { update, baseline in try await runner.branch(update, baseline: baseline, planner: planner) },
                jsonOutput: { reports, results in try Terminal.json(DevInfoDocument(reports: reports, results: results))
                }
            ).run()
        }
    }

    private func resolve(_ source: SettingsSource, hook: HookRun? = nil) throws -> RunSettings {
        try RunSettings.resolve(source, keySource: keySource, pipeline: nil, jira: jira, output: output, hook: hook)
    }
}
