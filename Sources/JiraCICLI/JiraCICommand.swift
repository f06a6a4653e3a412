import ArgumentParser
import JiraCI

struct JiraCICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jira-ci",
        abstract:
            "Tell Jira what CI/CD did: report builds, deployments and development information against the issue keys in git.",
        discussion: """
            Every flag can also be set by its environment variable (shown as [env: …]); flags win.
            Exit codes: 0 ok, 1 internal error, 2 usage or configuration error, 3 authentication rejected, \
            4 Jira rejected the data, 5 Jira unreachable or failing (the report is queued in the outbox), \
            6 deployment gate not passed, 7 no issue keys with --require-keys.
            """,
        version: Version.current,
        subcommands: [
            KeysCommand.self, BuildCommand.self, DeployCommand.self, GateCommand.self, DevinfoCommand.self,
            FlushCommand.self,
            AuthCommand.self, EnvCommand.self,
        ]
    )
}
