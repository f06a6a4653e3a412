import ArgumentParser
import JiraCI

struct DevinfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devinfo",
        abstract: "Show commits and branches in Jira's development panel (Jira Server: a link per issue and branch).",
        discussion: """
            Sends the commits that name an issue and the branch they are on, to Jira Cloud's Development Information API \
            (the OAuth credentials need the Development information permission). Jira Server gets one remote link per \
            issue and branch. From a git hook, every pushed branch is sent and a deleted branch is deleted.
            Examples:
              jira-ci devinfo --since "$GIT_PREVIOUS_SUCCESSFUL_COMMIT"
              git hook: jira-ci devinfo --hook-stdin --repo "$PWD"
              once:     jira-ci devinfo --backfill --all-branches
            """)

    @OptionGroup(title: "Development information") var devinfo: DevInfoOptionGroup
    @OptionGroup(title: "Keys") var keySource: KeySourceOptions
    @OptionGroup(title: "Jira and credentials") var target: TargetOptions
    @OptionGroup(title: "Jira and credentials") var credentials: CredentialOptions
    @OptionGroup(title: "Network and delivery") var network: NetworkOptions
    @OptionGroup(title: "Git hooks") var hook: HookOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run() async throws {
        let source = SettingsSource.current()
        guard (try? source.flag(hook.hookStdin, .hookStdin)) == true else {
            let settings = try resolve(source, hook: false, deadline: .none)
            let runner = DevInfoRunner(settings: settings, devinfo: try devinfo.settings(source), json: try output.isJSON(source))
            if try source.flag(devinfo.backfill, .backfill) {
                return try await runner.backfill(allBranches: try devinfo.isAllBranches(source), stateDirectory: try network.stateDirectory(source))
            }
            return try await runner.run()
        }
        // A hook never fails the push: even a mistake in its configuration is a warning.
        var lines: [String] = []
        while let line = readLine() { lines.append(line) }
        do {
            let budget = try source.value(hook.hookBudget, .hookBudget)?.seconds ?? 3
            let settings = try resolve(source, hook: true, deadline: .after(.milliseconds(Int64(budget * 1000))))
            let runner = DevInfoRunner(settings: settings, devinfo: try devinfo.settings(source), json: try output.isJSON(source))
            try await runner.hook(lines: lines, flush: BackgroundFlush.Request(
                arguments: ReportCommandOptions.flushArguments(target: target, credentials: credentials, network: network),
                secrets: ReportCommandOptions.flushSecrets(credentials)))
        } catch {
            Terminal.warning("\(error) (hook: not failing the push)")
        }
    }

    private func resolve(_ source: SettingsSource, hook: Bool, deadline: Deadline) throws -> RunSettings {
        try RunSettings.resolve(
            source, keySource: keySource, pipeline: nil, target: target, credentials: credentials, network: network,
            output: output, hook: hook, deadline: deadline)
    }
}
