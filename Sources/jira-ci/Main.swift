import ArgumentParser
import JiraCI

#if canImport(Glibc)
import Glibc
#endif

/// Parses, runs, and turns every failure into one line on stderr and a documented exit code.
@main
enum Main {
    static func main() async {
        var command: any ParsableCommand
        do {
            command = try JiraCICommand.parseAsRoot()
        } catch {
            // Help and version requests arrive as "errors" too; the parser prints those itself.
            if Failure.isParserMessage(error) { JiraCICommand.exit(withError: error) }
            let words = CommandLine.arguments.dropFirst().prefix { !$0.hasPrefix("-") }
            Terminal.error("\(JiraCICommand.message(for: error)) (see 'jira-ci \(words.map { $0 + " " }.joined())--help')")
            Glibc.exit(ExitStatus.usage.rawValue)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if Failure.isParserMessage(error) { JiraCICommand.exit(withError: error) }
            let failure = Failure(error)
            if !failure.message.isEmpty { Terminal.error(failure.message) }
            Glibc.exit(failure.status.rawValue)
        }
    }
}

struct JiraCICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jira-ci",
        abstract: "Tell Jira what CI/CD did: report builds and deployments against the issue keys in git.",
        discussion: """
            Exit codes: 0 ok, 1 internal error, 2 usage or configuration error, 3 authentication rejected, \
            4 Jira rejected the data, 5 Jira unreachable or failing, 6 deployment gate not passed, \
            7 no issue keys with --require-keys.
            """,
        version: Version.current,
        subcommands: [KeysCommand.self, BuildCommand.self, DeployCommand.self, GateCommand.self, AuthCommand.self, EnvCommand.self]
    )
}
