import JiraCI

/// `env`: the CI detected, every setting with where it came from, the ids reports would use, and the versions.
struct EnvRunner {
    let json: Bool

    func run() async throws {
        let source = SettingsSource.current()
        var settings: [(Variable, EnvDocument.Setting)] = []
        var defaults: [(Variable, EnvDocument.Setting)] = []
        for variable in Variable.allCases {
            if let (value, origin) = source.resolved(nil, variable) {
                settings.append(
                    (variable, EnvDocument.Setting(value: Self.shown(value, variable), origin: origin.description)))
            } else if let value = variable.declaration.defaultValue {
                defaults.append(
                    (variable, EnvDocument.Setting(value: value, origin: SettingOrigin.defaultValue.description)))
            }
        }
        let ids = await Self.ids(source)
        let credential = CredentialChoice.explain(source)
        let curl = CurlVersion.current()
        if try source.flag(json, .json) {
            try Terminal.json(
                EnvDocument(
                    ci: source.detected?.name,
                    settings: Dictionary(uniqueKeysWithValues: (settings + defaults).map { ($0.0.rawValue, $0.1) }),
                    ids: ids,
                    credential: credential, version: Version.current, libcurl: curl))
            return
        }
        var lines = [
            "jira-ci \(Version.current), libcurl \(curl.version) with \(curl.tls ?? "no TLS library")",
            "CI: \(source.detected?.name ?? "none detected")",
        ]
        if settings.isEmpty {
            lines += [
                "Nothing is configured yet. To start, set:",
                "  Jira Cloud:  JIRA_URL=https://acme.atlassian.net JIRA_CLIENT_ID=… JIRA_CLIENT_SECRET=… (Settings > Apps > OAuth credentials)",
                "  Jira Server: JIRA_URL=https://jira.example.com JIRA_PAT=… (Profile > Personal Access Tokens)",
            ]
        } else {
            lines += KeysTable.table(
                [["SETTING", "VALUE", "FROM"]]
                    + (settings + defaults).map { [$0.0.flag ?? $0.0.rawValue, $0.1.value, $0.1.origin] })
        }
        if let credential { lines.append("credential: \(credential)") }
        lines += ids.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        Terminal.output(lines)
    }

    /// Secrets as `***`; a URL with a password in it shown without it.
    static func shown(_ value: String, _ variable: Variable) -> String {
        if variable.isSecret { return "***" }
        return ParsedURL(value)?.hasCredentials == true ? URLCredentials.masked(value) : value
    }

    /// The ids reports would use here, as Jira will see them: best effort, outside a repository there are none.
    static func ids(_ source: SettingsSource) async -> [String: String] {
        var ids: [String: String] = [:]
        let pipeline = PipelineSettings(id: source.string(nil, .pipelineId), name: source.string(nil, .pipelineName))
        var search = KeySearch(
            repositoryPath: source.stringOrDefault(nil, .repo), commit: source.stringOrDefault(nil, .commit),
            branch: source.string(nil, .branch))
        search.repositoryURL = source.string(nil, .repositoryURL)
        search.repositoryIsNamed = source.string(nil, .repo) != nil
        if let identity = try? await PipelineIdentity.resolve(pipeline, search: search) {
            ids["pipeline id"] = identity.pipelineId
        }
        if let pattern = source.string(nil, .sinceTag) {
            let git = search.git
            var shown = "no tag matching '\(pattern)' before the commit"
            if let sha = try? await git.commit(search.commit, for: .commit),
                let tag = try? await git.newestTag(matching: pattern, reachableFromParentsOf: sha)
            {
                shown = "\(tag.name) (\(tag.commit.prefix(12)))"
            }
            ids["since tag"] = shown
        }
        if let name = source.string(nil, .environment) {
            ids["environment id"] =
                DeploymentSettings(
                    environmentName: name, environmentId: source.string(nil, .environmentId), state: .unknown
                ).resolvedEnvironmentId
        }
        return ids
    }
}
