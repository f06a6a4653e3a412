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
    @OptionGroup var jira: JiraOptions
    @OptionGroup(title: "Git hooks") var hook: HookOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run() async throws {
        let source = SettingsSource.current()
        guard hook.isHook(source) else {
            let settings = try resolve(source)
            let runner = DevInfoRunner(settings: settings, devinfo: try devinfo.settings(source), json: try output.isJSON(source))
            if try source.flag(devinfo.backfill, .backfill) {
                return try await runner.backfill(allBranches: try devinfo.isAllBranches(source), stateDirectory: try jira.network.stateDirectory(source))
            }
            return try await runner.run()
        }
        await hook.run(source) { run in
            let settings = try resolve(source, hook: run)
            let runner = DevInfoRunner(settings: settings, devinfo: try devinfo.settings(source), json: try output.isJSON(source))
            let planner = runner.planner
            try await PushRunner(
                settings: settings, json: runner.json, hook: run,
                plan: { update, baseline in try await runner.branch(update, baseline: baseline, planner: planner) },
                jsonOutput: { reports, results in try Terminal.json(DevInfoDocument(reports: reports, results: results)) }
            ).run()
        }
    }

    private func resolve(_ source: SettingsSource, hook: HookRun? = nil) throws -> RunSettings {
        try RunSettings.resolve(source, keySource: keySource, pipeline: nil, jira: jira, output: output, hook: hook)
    }
}
