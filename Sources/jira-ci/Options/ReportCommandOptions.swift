import ArgumentParser
import JiraCI

/// Git hooks: `--hook-stdin` and its time budget.
struct HookOptions: ParsableArguments {
    @Flag(help: .help("Read `<old> <new> <ref>` lines of a git post-receive hook from stdin and report every pushed branch in one request; never fails or holds the push.", .hookStdin))
    var hookStdin = false

    @Option(of: HookBudget.self, help: .help("How long a hook may hold the push (default: 3s); what Jira has not taken by then is queued and sent in the background.", .hookBudget))
    var hookBudget: HookBudget?
}

/// Everything `build` and `deploy` share, and the run they share: resolve the settings once, then report
/// (or, from a hook, report every pushed branch).
struct ReportCommandOptions: ParsableArguments {
    @OptionGroup(title: "Keys") var keySource: KeySourceOptions
    @OptionGroup(title: "Report") var pipeline: PipelineOptions
    @OptionGroup(title: "Jira and credentials") var target: TargetOptions
    @OptionGroup(title: "Jira and credentials") var credentials: CredentialOptions
    @OptionGroup(title: "Network and delivery") var network: NetworkOptions
    @OptionGroup(title: "Git hooks") var hook: HookOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run(_ kind: @escaping (SettingsSource) throws -> ReportKind) async throws {
        let source = SettingsSource.current()
        // A hook never fails the push: even a mistake in its configuration is a warning.
        guard (try? source.flag(hook.hookStdin, .hookStdin)) == true else {
            let settings = try resolve(source, hook: false, deadline: .none)
            return try await ReportRunner(settings: settings, json: try output.isJSON(source)).run(try kind(source))
        }
        var lines: [String] = []
        while let line = readLine() { lines.append(line) }
        do {
            let budget = try source.value(hook.hookBudget, .hookBudget)?.seconds ?? 3
            let settings = try resolve(source, hook: true, deadline: .after(.milliseconds(Int64(budget * 1000))))
            try await HookRunner(
                settings: settings, json: try output.isJSON(source), lines: lines, environment: source.environment,
                flush: BackgroundFlush.Request(
                    arguments: Self.flushArguments(target: target, credentials: credentials, network: network),
                    secrets: Self.flushSecrets(credentials))
            ).run(try kind(source))
        } catch {
            Terminal.warning("\(error) (hook: not failing the push)")
        }
    }

    private func resolve(_ source: SettingsSource, hook: Bool, deadline: Deadline) throws -> RunSettings {
        try RunSettings.resolve(
            source, keySource: keySource, pipeline: pipeline, target: target, credentials: credentials, network: network,
            output: output, hook: hook, deadline: deadline)
    }

    /// The flags given to this run that say where Jira is and who jira-ci is there, for a background flush;
    /// variables it inherits anyway.
    static func flushArguments(target: TargetOptions, credentials: CredentialOptions, network: NetworkOptions) -> [String] {
        let pairs: [(String, String?)] = [
            ("--jira-url", target.jiraURL?.text), ("--flavor", target.flavor?.rawValue), ("--cloud-id", target.cloudId),
            ("--api-url", target.apiURL?.text), ("--client-id", credentials.clientId), ("--consumer-key", credentials.consumerKey),
            ("--private-key-file", credentials.privateKeyFile), ("--user", credentials.user), ("--ca-cert", network.caCert),
            ("--cache-dir", network.cacheDir),
        ]
        var arguments = pairs.flatMap { flag, value in value.map { [flag, $0] } ?? [] }
        if credentials.comment { arguments.append("--comment") }
        if network.noCache { arguments.append("--no-cache") }
        if network.allowInsecureHTTP { arguments.append("--allow-insecure-http") }
        return arguments
    }

    /// A client secret given as a flag goes to the background flush in its environment, never its arguments.
    static func flushSecrets(_ credentials: CredentialOptions) -> [String: String] {
        credentials.clientSecret.map { [Variable.clientSecret.rawValue: $0] } ?? [:]
    }
}
