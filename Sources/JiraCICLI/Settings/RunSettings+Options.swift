import JiraCI

extension RunSettings {
    /// The one place a Jira command's flags, variables and CI facts become its settings.
    /// - Parameters:
    ///   - keySource: nil for a command that searches no git data (`flush`).
    ///   - deadline: the run's time (a flush's `--give-up-after`); a hook's is its budget.
    ///   - outboxRequired: `flush`, which has nothing to do without an outbox, fails instead of going on without.
    static func resolve(
        _ source: SettingsSource, keySource: KeySourceOptions?, pipeline: PipelineOptions?, jira: JiraOptions,
        output: OutputOptions,
        hook: HookRun? = nil, deadline: Deadline = .none, outboxRequired: Bool = false
    ) throws -> RunSettings {
        let (targetOptions, credentialOptions, network) = (jira.target, jira.credentials, jira.network)
        var search = try keySource?.keySearch(source) ?? KeySearch()
        let pipelineSettings = try pipeline?.settings(source)
        UnusableFacts.warn(source, pipeline: pipelineSettings)
        let dryRun = try targetOptions.isDryRun(source)
        let target = try TargetResolver(options: jira, source: source).target(dryRun: dryRun, hook: hook)
        // Credentials are checked before any work, but a dry run needs none.
        let credentialsResolver = CredentialsResolver(options: credentialOptions, source: source)
        let credentials =
            dryRun
            ? credentialsResolver.preview(flavor: target.flavor)
            : try credentialsResolver.credentials(flavor: target.flavor)
        // A hook holds a push: short timeouts, no retries. Its detached continuation holds nothing.
        let resolver = ConnectionResolver(options: network, source: source)
        let connection = try resolver.connection(
            target: target, hook: hook?.holdsPush == true, deadline: hook?.deadline ?? deadline)
        let outbox: (directory: String?, absence: String?) =
            dryRun ? (nil, nil) : try resolver.outbox(required: outboxRequired)
        if try keySource?.wantsAutomaticProjects(source) == true {
            search.rules = search.rules.allowing(
                try automaticProjects(target: target, credentials: credentials, connection: connection, dryRun: dryRun))
        }
        return RunSettings(
            search: search, pipeline: pipelineSettings ?? PipelineSettings(), target: target, credentials: credentials,
            connection: connection,
            server: ServerReportSettings(comment: try source.flag(credentialOptions.comment, .comment)),
            dryRun: dryRun,
            softFail: try hook != nil || network.isSoftFail(source),
            requireKeys: try source.flag(output.requireKeys, .requireKeys),
            outboxDirectory: outbox.directory, outboxAbsence: outbox.absence)
    }

    /// `--project auto`: the projects the Jira Server user can see, cached for an hour; a dry run uses the
    /// cache only.
    static func automaticProjects(
        target: JiraTarget, credentials: JiraCredentials, connection: ConnectionSettings, dryRun: Bool
    ) throws -> [String] {
        guard target.flavor == .server else {
            throw ConfigurationError.invalid(
                .projects, value: "auto",
                expected:
                    "auto only on Jira Server (it reads the projects the user can see); on Jira Cloud name your project keys"
            )
        }
        let cache = connection.cacheDirectory.map { TokenCache(directory: $0, log: connection.log) }
        if dryRun {
            guard let site = target.siteURL,
                let cached = cache?.projects(
                    site: site, credential: credentials.identity(for: .server), now: WallClock.secondsSinceEpoch())
            else {
                Terminal.warning(
                    "--project auto: no project list cached yet and a dry run asks Jira nothing; keys of every project count"
                )
                return []
            }
            return cached
        }
        let projects = try JiraConnection.serverSession(target: target, credentials: credentials, settings: connection)
            .projectKeys(cache: cache)
        guard !projects.isEmpty else {
            throw JiraError.noVisibleProject
        }
        return projects
    }
}
