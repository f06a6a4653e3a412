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

    @OptionGroup(title: "Development information") var devinfo: DevInfoOptions
    @OptionGroup(title: "Keys") var keySource: KeySourceOptions
    @OptionGroup var jira: JiraOptions
    @OptionGroup(title: "Git hooks") var hook: HookOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run() async throws {
        try await DevInfoCommandRunner(devinfo: devinfo, keySource: keySource, jira: jira, hook: hook, output: output)
            .run()
    }
}
