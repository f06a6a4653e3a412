import JiraCI

extension RunSettings {
    /// The one place a Jira command's flags, variables and CI facts become its settings.
    static func resolve(
        _ source: SettingsSource, keySource: KeySourceOptions, pipeline: PipelineOptions, target targetOptions: TargetOptions,
        credentials credentialOptions: CredentialOptions, network: NetworkOptions, output: OutputOptions,
        hook: Bool = false, deadline: Deadline = .none
    ) throws -> RunSettings {
        let search = try keySource.keySearch(source)
        let pipelineSettings = try pipeline.settings(source)
        let dryRun = try targetOptions.isDryRun(source)
        let target = try targetOptions.target(source, credentials: credentialOptions)
        // Credentials are checked before any work, but a dry run needs none.
        let credentials = dryRun ? JiraCredentials() : try credentialOptions.credentials(source, flavor: target.flavor)
        return RunSettings(
            search: search, pipeline: pipelineSettings, target: target, credentials: credentials,
            connection: try network.settings(source, target: target, hook: hook, deadline: deadline),
            server: ServerReportOptions(comment: try source.flag(credentialOptions.comment, .comment)),
            dryRun: dryRun,
            softFail: try hook || network.isSoftFail(source),
            requireKeys: try source.flag(output.requireKeys, .requireKeys),
            outboxDirectory: dryRun ? nil : try network.outboxDirectory(source))
    }
}
