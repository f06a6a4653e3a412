import JiraCI

/// What a hook's run was given: the pushed refs, its time, and, for the detached run that takes over the
/// branches a hook's budget did not reach, the file they came from.
struct HookRun {
    let lines: [String]
    let deadline: Deadline
    let budget: Double
    let continuation: String?

    /// The hook itself, holding the push (short timeouts, no retries, per-branch lines), not its detached run.
    var holdsPush: Bool { continuation == nil }

    /// A hook's run: the pushed refs read from stdin first, the run cut to the budget, and every failure (even
    /// a mistake in the configuration) a warning: a hook never fails the push.
    static func start(_ options: HookOptions, source: SettingsSource, _ body: (HookRun) async throws -> Void) async {
        do {
            if let pending = options.continuePush {
                let lines = try PushContinuation.read(pending)
                let seconds = BackgroundRun.giveUpSeconds
                return try await body(
                    HookRun(lines: lines, deadline: .after(.seconds(seconds)), budget: seconds, continuation: pending))
            }
            var lines: [String] = []
            while let line = readLine() { lines.append(line) }
            let budget = try source.valueOrDefault(options.hookBudget, .hookBudget).seconds
            try await body(
                HookRun(
                    lines: lines, deadline: .after(.milliseconds(Int64(budget * 1000))), budget: budget,
                    continuation: nil))
        } catch {
            Terminal.warning("\(error) (hook: not failing the push)")
        }
    }
}
