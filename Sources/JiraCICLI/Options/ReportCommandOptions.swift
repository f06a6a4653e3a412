import ArgumentParser
import JiraCI

/// Git hooks: `--hook-stdin` and its time budget.
struct HookOptions: ParsableArguments {
    @Flag(.hookStdin)
    var hookStdin = false

    @Option(.hookBudget, as: HookBudget.self)
    var hookBudget: HookBudget?

    /// The detached run that takes over the pushed refs a hook's budget did not reach, from this file.
    @Option(help: .hidden, completion: .file())
    var continuePush: String?

    func isHook(_ source: SettingsSource) -> Bool {
        continuePush != nil || (try? source.flag(hookStdin, .hookStdin)) == true
    }

    /// A hook's run: the pushed refs read from stdin first, the run cut to the budget, and every failure (even
    /// a mistake in the configuration) a warning: a hook never fails the push.
    func run(_ source: SettingsSource, _ body: (HookRun) async throws -> Void) async {
        do {
            if let pending = continuePush {
                let lines = try PushContinuation.read(pending)
                let seconds = BackgroundRun.giveUpSeconds
                return try await body(HookRun(lines: lines, deadline: .after(.seconds(seconds)), budget: seconds, continuation: pending))
            }
            var lines: [String] = []
            while let line = readLine() { lines.append(line) }
            let budget = try source.valueOrDefault(hookBudget, .hookBudget).seconds
            try await body(HookRun(lines: lines, deadline: .after(.milliseconds(Int64(budget * 1000))), budget: budget, continuation: nil))
        } catch {
            Terminal.warning("\(error) (hook: not failing the push)")
        }
    }
}

/// Everything `build` and `deploy` share, and the run they share: resolve the settings once, then report
/// (or, from a hook, report every pushed branch).
struct ReportCommandOptions: ParsableArguments {
    @OptionGroup(title: "Keys") var keySource: KeySourceOptions
    @OptionGroup(title: "Report") var pipeline: PipelineOptions
    @OptionGroup var jira: JiraOptions
    @OptionGroup(title: "Git hooks") var hook: HookOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run(_ kind: @escaping (SettingsSource) throws -> ReportKind) async throws {
        let source = SettingsSource.current()
        guard hook.isHook(source) else {
            let settings = try resolve(source)
            return try await ReportRunner(settings: settings, json: try output.isJSON(source)).run(try kind(source))
        }
        await hook.run(source) { run in
            let settings = try resolve(source, hook: run)
            let runner = ReportRunner(settings: settings, json: try output.isJSON(source))
            let kind = try kind(source)
            try await PushRunner(
                settings: settings, json: runner.json, hook: run,
                plan: { update, baseline in try await runner.branch(kind, update: update, baseline: baseline, environment: source.environment) },
                jsonOutput: { _, results in try Terminal.json(ReportOutcome.merged(results.compactMap(\.outcome))) }
            ).run()
        }
    }

    private func resolve(_ source: SettingsSource, hook: HookRun? = nil) throws -> RunSettings {
        try RunSettings.resolve(source, keySource: keySource, pipeline: pipeline, jira: jira, output: output, hook: hook)
    }
}
