import JiraCI

/// The configured credentials, from the credential options and their variables: each secret registered with the
/// output's redactor before anything can print it, and each checked for control characters, which in an HTTP
/// header would forge headers.
struct CredentialsResolver {
    let options: CredentialOptions
    let source: SettingsSource

    func credentials(flavor: JiraFlavor) throws -> JiraCredentials {
        if options.clientSecret != nil {
            Terminal.warning(
                "--client-secret on the command line is visible in process lists; set JIRA_CLIENT_SECRET instead")
        }
        let credentials = try resolve(flavor: flavor)
        // Every form a secret travels in (a basic-auth header's base64, the key's lines) is hidden too.
        credentials.secrets.forEach(Terminal.redactor.add)
        return credentials
    }

    /// Whether any credential is configured for `flavor`, checked as `credentials(flavor:)` checks them (a
    /// control character, half a pair) but without a word: the question comes before the run's own resolution.
    func areConfigured(flavor: JiraFlavor) throws -> Bool {
        let credentials = try resolve(flavor: flavor)
        return credentials.cloud != nil || credentials.server != nil
    }

    private func resolve(flavor: JiraFlavor) throws -> JiraCredentials {
        var credentials = JiraCredentials()
        let id = try plain(source.string(options.clientId, .clientId), .clientId)
        let secret = try secret(source.string(options.clientSecret, .clientSecret), .clientSecret)
        switch (id, secret) {
        case (let id?, let secret?):
            credentials.cloud = ClientCredentials(clientId: id, clientSecret: secret)
        case (_?, nil):
            throw ConfigurationError.missing(
                .clientSecret, hint: "the secret of the OAuth credential named by JIRA_CLIENT_ID")
        case (nil, _?):
            throw ConfigurationError.missing(
                .clientId, hint: "the client ID of the OAuth credential whose secret is set")
        case (nil, nil):
            break
        }
        if flavor == .server { credentials.server = try serverCredential(clientCredentials: credentials.cloud) }
        return credentials
    }

    /// A personal access token wins over a service account (client credentials on a Data Center site), which
    /// wins over OAuth 1.0a, which wins over a user and password.
    private func serverCredential(clientCredentials: ClientCredentials?) throws -> ServerCredential? {
        if let token = try secret(source.string(nil, .personalAccessToken), .personalAccessToken) {
            return .personalAccessToken(token)
        }
        if let clientCredentials { return .serviceAccount(clientCredentials) }
        if let consumerKey = try plain(source.string(options.consumerKey, .consumerKey), .consumerKey) {
            let key = try ServerKeyLoader.load(source, fileFlag: options.privateKeyFile)
            key.lines.forEach(Terminal.redactor.add)
            guard let token = try secret(source.string(nil, .accessToken), .accessToken) else {
                throw ConfigurationError.missing(
                    .accessToken, hint: "the OAuth access token from `jira-ci auth server-login`")
            }
            return .oauth1(OAuth1Signer(consumerKey: consumerKey, key: key), accessToken: token)
        }
        if let user = try plain(source.string(options.user, .user), .user) {
            guard let password = try secret(source.string(nil, .password), .password) else {
                throw ConfigurationError.missing(.password, hint: "the password of JIRA_USER (or use JIRA_PAT)")
            }
            return .basic(user: user, password: password)
        }
        return nil
    }

    /// The client ID of the service account a Jira Server/Data Center run would use, read without any secret
    /// (a dry run shows its token request).
    var serviceAccountClientId: String? {
        source.string(nil, .personalAccessToken) == nil ? source.string(options.clientId, .clientId) : nil
    }

    /// What a dry run knows of the credentials: none but a service account's client ID, its secret shown as ***.
    func preview(flavor: JiraFlavor) -> JiraCredentials {
        guard flavor == .server, let clientId = serviceAccountClientId else { return JiraCredentials() }
        return JiraCredentials(
            server: .serviceAccount(ClientCredentials(clientId: clientId, clientSecret: Secret("***"))))
    }

    private func secret(_ value: String?, _ variable: Variable) throws -> Secret? {
        guard let value else { return nil }
        Terminal.redactor.add(value)
        let secret = Secret(value)
        guard secret.isHeaderSafe else {
            throw ConfigurationError.controlCharacter(variable)
        }
        return secret
    }

    private func plain(_ value: String?, _ variable: Variable) throws -> String? {
        guard let value else { return nil }
        guard Secret(value).isHeaderSafe, !value.contains(":") || variable != .user else {
            throw ConfigurationError.invalid(
                variable, value: TerminalText.oneLine(value),
                expected: "expected no control characters\(variable == .user ? " and no colon" : "")")
        }
        return value
    }
}
