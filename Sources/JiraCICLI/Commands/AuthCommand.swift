import ArgumentParser

struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Check credentials, or set up Jira Server OAuth.",
        subcommands: [AuthCheckCommand.self, ServerLoginCommand.self])
}
