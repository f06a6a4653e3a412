import ArgumentParser
import JiraCI

/// How to reach Jira and authenticate; every command that talks to Jira takes these.
struct ConnectionOptions: ParsableArguments {
    @Option(help: .help("Jira Cloud OAuth client ID.", .clientId))
    var clientId: String?

    @Option(help: .help("Jira Cloud OAuth client secret (prefer the variable: process lists show flags).", .clientSecret))
    var clientSecret: String?

    @Option(help: .help("Jira Server OAuth 1.0a consumer key of the application link.", .consumerKey))
    var consumerKey: String?

    @Option(help: .help("Jira Server OAuth 1.0a PKCS#8 or PKCS#1 PEM private key file (or the PEM in JIRA_PRIVATE_KEY).", .privateKeyFile))
    var privateKeyFile: String?

    @Option(help: .help("Jira Server user for basic authentication (with JIRA_PASSWORD).", .user))
    var user: String?

    @Flag(help: .help("Jira Server: also add a comment to each issue.", .comment))
    var comment = false

    @Option(help: .help("The Atlassian API host (default: https://api.atlassian.com).", .apiURL))
    var apiURL: String?

    @Option(help: .help("A PEM CA bundle to trust in addition to the system's (TLS-inspecting proxies).", .caCertificate))
    var caCert: String?

    @Option(help: .help("Seconds allowed for each request (default: 30).", .timeout))
    var timeout: Int?

    @Option(help: .help("Retries on 429, 5xx, timeouts and dropped connections (default: 4).", .retries))
    var retries: Int?

    @Option(help: .help("Where tokens and cloudIds are cached (default: $XDG_CACHE_HOME/jira-ci or ~/.cache/jira-ci).", .cacheDirectory))
    var cacheDir: String?

    @Flag(help: .help("Neither read nor write the token cache.", .noCache))
    var noCache = false

    @Flag(help: .help("Report failures to reach or satisfy Jira as warnings and exit 0.", .softFail))
    var softFail = false

    @Flag(name: [.short, .long], help: .help("Trace every request and answer on stderr, secrets replaced by ***.", .verbose))
    var verbose = false

    func credentials(_ source: SettingsSource) throws -> JiraCredentials {
        if clientSecret != nil {
            Terminal.warning("--client-secret on the command line is visible in process lists; set JIRA_CLIENT_SECRET instead")
        }
        let id = source.string(clientId, .clientId)
        let secret = source.string(clientSecret, .clientSecret)
        var credentials = JiraCredentials(server: try serverCredential(source))
        switch (id, secret) {
        case (let id?, let secret?):
            credentials.cloud = ClientCredentials(clientId: id, clientSecret: Secret(secret))
        case (_?, nil):
            throw ConfigurationError.missing(.clientSecret, hint: "the secret of the OAuth credential named by JIRA_CLIENT_ID")
        case (nil, _?):
            throw ConfigurationError.missing(.clientId, hint: "the client ID of the OAuth credential whose secret is set")
        case (nil, nil):
            break
        }
        return credentials
    }

    /// A personal access token wins over OAuth 1.0a, which wins over a user and password.
    private func serverCredential(_ source: SettingsSource) throws -> ServerCredential? {
        if let token = source.string(nil, .personalAccessToken) {
            return .personalAccessToken(Secret(token))
        }
        if let consumerKey = source.string(consumerKey, .consumerKey) {
            let key = try ServerKeyLoader.load(source, fileFlag: privateKeyFile)
            guard let token = source.string(nil, .accessToken) else {
                throw ConfigurationError.missing(.accessToken, hint: "the OAuth access token from `jira-ci auth server-login`")
            }
            return .oauth1(OAuth1Signer(consumerKey: consumerKey, key: key), accessToken: Secret(token))
        }
        if let user = source.string(user, .user) {
            guard let password = source.string(nil, .password) else {
                throw ConfigurationError.missing(.password, hint: "the password of JIRA_USER (or use JIRA_PAT)")
            }
            return .basic(user: user, password: Secret(password))
        }
        return nil
    }

    func hasClientId(_ source: SettingsSource) -> Bool {
        source.string(clientId, .clientId) != nil
    }

    func isSoftFail(_ source: SettingsSource) throws -> Bool {
        try source.flag(softFail, .softFail)
    }

    /// - Parameter hook: a push must never wait long on Jira, so hooks default to a short timeout and one retry.
    func settings(_ source: SettingsSource, hook: Bool = false) throws -> ConnectionSettings {
        let timeout = try source.integer(self.timeout, .timeout) ?? (hook ? 10 : 30)
        guard (1...3600).contains(timeout) else {
            throw ConfigurationError.invalid(.timeout, value: String(timeout), expected: "seconds between 1 and 3600")
        }
        let retries = try source.integer(self.retries, .retries) ?? (hook ? 1 : 4)
        guard (0...20).contains(retries) else {
            throw ConfigurationError.invalid(.retries, value: String(retries), expected: "a number from 0 to 20")
        }
        let caCert = source.string(self.caCert, .caCertificate)
        if let caCert, !FileSystem.exists(caCert) {
            throw ConfigurationError.unreadableFile(.caCertificate, path: caCert, reason: "no such file")
        }
        let verbose = try source.flag(self.verbose, .verbose)
        let noCache = try source.flag(self.noCache, .noCache)
        return ConnectionSettings(
            http: HTTPOptions(
                timeoutSeconds: Int(timeout), extraCACertificatePath: caCert, userAgent: "jira-ci/\(Version.current)",
                proxy: ProxySettings(environment: source.environment)),
            retries: Int(retries),
            cacheDirectory: noCache ? nil : cacheDirectory(source),
            log: ReportLog(warning: Terminal.warning, trace: verbose ? Terminal.trace : nil))
    }

    func apiURL(_ source: SettingsSource) throws -> String {
        let url = source.string(apiURL, .apiURL) ?? JiraTarget.defaultAPIURL
        guard URLParts(url) != nil else {
            throw ConfigurationError.invalid(.apiURL, value: url, expected: "an http(s) URL like https://api.atlassian.com")
        }
        return url
    }

    private func cacheDirectory(_ source: SettingsSource) -> String? {
        if let explicit = source.string(cacheDir, .cacheDirectory) { return explicit }
        if let xdg = source.environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return "\(xdg)/jira-ci" }
        if let home = source.environment["HOME"], !home.isEmpty { return "\(home)/.cache/jira-ci" }
        return nil
    }
}
