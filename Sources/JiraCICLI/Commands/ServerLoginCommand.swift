import ArgumentParser
import JiraCI

struct ServerLoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server-login",
        abstract: "Get a Jira Server OAuth 1.0a access token for an application link (run once per integration user).",
        discussion: """
            Needs --jira-url, --consumer-key and the private key (--private-key-file or JIRA_PRIVATE_KEY). Prints the URL to \
            open in Jira, reads the verification code Jira shows (or takes --verifier), and hands over the access token: \
            to --output FILE (mode 0600), or to stdout when it is not a terminal or --print is given.
            Example:
              jira-ci auth server-login --jira-url https://jira.example.com --consumer-key jira-ci \\
                --private-key-file jira_privatekey.pcks8 --output token.txt
            """)

    @OptionGroup var jira: JiraOptions

    @Option(.verifier)
    var verifier: String?

    @Option(.tokenOutput, completion: .file())
    var output: String?

    @Flag(.printToken)
    var print = false

    func run() async throws {
        try await ServerLoginRunner(jira: jira, verifier: verifier, output: output, print: print).run()
    }
}
