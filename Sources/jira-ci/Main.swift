import ArgumentParser
import JiraCI

#if canImport(Glibc)
import Glibc
#endif

/// Parses, runs, and turns every failure into one line on stderr and a documented exit code.
@main
enum Main {
    static func main() async {
        do {
            var command = try JiraCICommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Glibc.exit(exit.rawValue)
        } catch {
            if let failure = Failure(error) {
                Terminal.error(failure.message)
                Glibc.exit(failure.status.rawValue)
            }
            // Help and version requests arrive as "errors" too; the parser prints those itself.
            let code = JiraCICommand.exitCode(for: error)
            if code == .success {
                JiraCICommand.exit(withError: error)
            }
            let subcommand = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? ""
            let helpCommand = ["keys", "build", "deploy", "gate", "auth", "env"].contains(subcommand) ? "jira-ci \(subcommand) --help" : "jira-ci --help"
            Terminal.error("\(JiraCICommand.message(for: error)) (see '\(helpCommand)')")
            Glibc.exit(ExitStatus.usage.rawValue)
        }
    }
}

struct JiraCICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jira-ci",
        abstract: "Tell Jira what CI/CD did: report builds and deployments against the issue keys in git.",
        discussion: """
            Exit codes: 0 ok, 1 internal error, 2 usage or configuration error, 3 authentication rejected,
            4 Jira rejected the data, 5 Jira unreachable or failing, 6 deployment gate not passed,
            7 no issue keys with --require-keys.
            """,
        version: Version.current,
        subcommands: [KeysCommand.self, BuildCommand.self, DeployCommand.self]
    )
}
