import ArgumentParser
import JiraCI

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Report a build to the issues its git data names.",
        discussion: """
            Examples:
              jira-ci build --dry-run --state success --since "$GIT_PREVIOUS_SUCCESSFUL_COMMIT"
              jira-ci build --state in_progress --build-url "$BUILD_URL"
              jira-ci build --state "$RESULT" --build-url "$BUILD_URL" --junit reports/junit.xml
              git hook: jira-ci build --hook-stdin --state successful --repo "$PWD"
            """)

    @OptionGroup(title: "Report") var build: BuildOptions
    @OptionGroup var report: ReportCommandOptions

    func run() async throws {
        try await ReportCommandRunner(options: report) { source in
            .build(try BuildSettingsResolver(options: build, source: source).settings())
        }.run()
    }
}
