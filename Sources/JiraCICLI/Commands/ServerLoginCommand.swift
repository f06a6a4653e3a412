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
        let source = SettingsSource.current()
        let output = source.string(self.output, .tokenOutput)
        guard try output != nil || source.flag(print, .printToken) || !Terminal.isStandardOutputTerminal else {
            throw ConfigurationError.conflict("refusing to show the access token on a terminal: pass --output FILE (or --print if you are sure)")
        }
        guard let site = try source.value(jira.target.jiraURL, .jiraURL) else {
            throw ConfigurationError.missing(.jiraURL, hint: "your Jira Server base URL, e.g. https://jira.example.com")
        }
        guard let consumerKey = source.string(jira.credentials.consumerKey, .consumerKey) else {
            throw ConfigurationError.missing(.consumerKey, hint: "the consumer key of the application link's incoming authentication")
        }
        let key = try ServerKeyLoader.load(source, fileFlag: jira.credentials.privateKeyFile)
        key.lines.forEach(Terminal.redactor.add)
        let server = JiraTarget(flavor: .server, siteURL: site.text)
        let login = try ServerLogin(
            siteURL: site.text, signer: OAuth1Signer(consumerKey: consumerKey, key: key), settings: jira.network.settings(source, target: server))

        let request = try login.requestToken()
        Terminal.warning("open this URL in a browser, log in as the integration user and approve:")
        Terminal.detail(request.authorizeURL)
        let code: String
        if let verifier = source.string(verifier, .verifier) {
            code = verifier
        } else {
            if Terminal.isStandardInputTerminal { Terminal.prompt("Verification code: ") }
            guard let line = readLine(), !line.trimmed.isEmpty else {
                throw ConfigurationError.conflict("no verification code on standard input: approve in Jira, then enter the code it shows (or pass --verifier)")
            }
            code = line.trimmed
        }
        let token = try login.accessToken(requestToken: request.token, verifier: code)
        if let output {
            do {
                try FileSystem.writeAtomically(Array((token.value + "\n").utf8), to: output)
            } catch {
                throw ConfigurationError.conflict("cannot write \(output): \(error.reason)")
            }
            Terminal.warning("access token written to \(output) (mode 0600); store it as JIRA_ACCESS_TOKEN in your CI's secrets")
        } else {
            Terminal.handOver(token)
        }
    }
}
