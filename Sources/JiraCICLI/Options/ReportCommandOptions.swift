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

/// Everything `build` and `deploy` share.
struct ReportCommandOptions: ParsableArguments {
    @OptionGroup(title: "Keys") var keySource: KeySourceOptions
    @OptionGroup(title: "Report") var pipeline: PipelineOptions
    @OptionGroup var jira: JiraOptions
    @OptionGroup(title: "Git hooks") var hook: HookOptions
    @OptionGroup(title: "Output") var output: OutputOptions
}
