import ArgumentParser
import JiraCI

/// Git hooks: `--hook-stdin` and its time budget.
struct HookOptions: ParsableArguments {
    func isHook(_ source: SettingsSource) -> Bool {
        (try? source.flag(hookStdin, .hookStdin)) == true
    }

    /// A hook's run: the pushed refs read from stdin first, the run cut to the budget, and every failure (even
    /// a mistake in the configuration) a warning: a hook never fails the push.
    func run(_ source: SettingsSource, _ body: (_ lines: [String], _ deadline: Deadline) async throws -> Void) async {
        var lines: [String] = []
        while let line = readLine() { lines.append(line) }
        do {
            let budget = try source.value(hookBudget, .hookBudget)?.seconds ?? 3
            try await body(lines, .after(.milliseconds(Int64(budget * 1000))))
        } catch {
            Terminal.warning("\(error) (hook: not failing the push)")
        }
    }

    @Flag(help: .help("Read `<old> <new> <ref>` lines of a git post-receive hook from stdin and report every pushed branch in one request; never fails or holds the push.", .hookStdin))
    var hookStdin = false

    @Option(of: HookBudget.self, help: .help("How long a hook may hold the push (default: 3s); what Jira has not taken by then is queued and sent in the background.", .hookBudget))
    var hookBudget: HookBudget?
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
            let settings = try resolve(source, hook: false, deadline: .none)
            return try await ReportRunner(settings: settings, json: try output.isJSON(source)).run(try kind(source))
        }
        await hook.run(source) { lines, deadline in
            let settings = try resolve(source, hook: true, deadline: deadline)
            try await HookRunner(
                settings: settings, json: try output.isJSON(source), lines: lines, environment: source.environment,
                flush: BackgroundFlush.Request(jira)
            ).run(try kind(source))
        }
    }

    private func resolve(_ source: SettingsSource, hook: Bool, deadline: Deadline) throws -> RunSettings {
        try RunSettings.resolve(
            source, keySource: keySource, pipeline: pipeline, jira: jira,
            output: output, hook: hook, deadline: deadline)
    }
}
