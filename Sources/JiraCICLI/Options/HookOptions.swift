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
}
