import ArgumentParser
import JiraCI

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the issue keys found in the git data of a build, one per line.",
        discussion: """
            Examples:
              jira-ci keys --since origin/main --explain
              jira-ci keys --since "$GIT_PREVIOUS_SUCCESSFUL_COMMIT" --json
            """)

    @OptionGroup(title: "Keys") var keySource: KeySourceOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    @Flag(.explain)
    var explain = false

    func run() async throws {
        try await KeysRunner(keySource: keySource, output: output, explain: explain).run()
    }
}
