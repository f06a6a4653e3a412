import JiraCI

/// `auth server-login`: the one-time OAuth 1.0a login for a Jira Server application link.
struct ServerLoginRunner {
    let jira: JiraOptions
    let verifier: String?
    let output: String?
    let print: Bool

    func run() async throws {
        let source = SettingsSource.current()
        let output = source.string(self.output, .tokenOutput)
        guard try output != nil || source.flag(print, .printToken) || !Terminal.isStandardOutputTerminal else {
            throw ConfigurationError.tokenOnTerminal
        }
        guard let site = try source.value(jira.target.jiraURL, .jiraURL) else {
            throw ConfigurationError.missing(.jiraURL, hint: "your Jira Server base URL, e.g. https://jira.example.com")
        }
        guard let consumerKey = source.string(jira.credentials.consumerKey, .consumerKey) else {
            throw ConfigurationError.missing(
                .consumerKey, hint: "the consumer key of the application link's incoming authentication")
        }
        let key = try ServerKeyLoader.load(source, fileFlag: jira.credentials.privateKeyFile)
        key.lines.forEach(Terminal.redactor.add)
        let server = JiraTarget(flavor: .server, siteURL: site.text)
        let login = try ServerLogin(
            siteURL: site.text, signer: OAuth1Signer(consumerKey: consumerKey, key: key),
            settings: ConnectionResolver(options: jira.network, source: source).connection(target: server))

        let request = try login.requestToken()
        Terminal.warning("open this URL in a browser, log in as the integration user and approve:")
        Terminal.detail(request.authorizeURL)
        let code: String
        if let verifier = source.string(verifier, .verifier) {
            code = verifier
        } else {
            if Terminal.isStandardInputTerminal { Terminal.prompt("Verification code: ") }
            guard let line = readLine(), !line.trimmed.isEmpty else {
                throw ConfigurationError.noVerificationCode
            }
            code = line.trimmed
        }
        let token = try login.accessToken(requestToken: request.token, verifier: code)
        if let output {
            do {
                try FileSystem.writeAtomically(Array((token.value + "\n").utf8), to: output)
            } catch {
                throw ConfigurationError.unwritableFile(.tokenOutput, path: output, reason: error.reason)
            }
            Terminal.warning(
                "access token written to \(output) (mode 0600); store it as JIRA_ACCESS_TOKEN in your CI's secrets")
        } else {
            Terminal.handOver(token)
        }
    }
}
