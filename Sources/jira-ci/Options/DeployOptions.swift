import ArgumentParser
import JiraCI

/// Flags only a deployment report has.
struct DeployOptions: ParsableArguments {
    @Option(help: .help("The deployment's result: the build words plus rolled_back/rollback.", .state))
    var state: String?

    @OptionGroup var environment: EnvironmentOptions

    @Flag(help: .help("Ask Jira Service Management for a change-gating decision (needs --service).", .gate))
    var gate = false

    @Option(name: .customLong("service"), help: .help("A Jira service id or key to associate (repeatable).", .services))
    var services: [String] = []

    func settings(_ source: SettingsSource) throws -> DeploymentSettings {
        let state = try source.state(state, words: DeploymentState.acceptedWords, DeploymentState.init(word:))
        let services = source.list(services, .services)
        let gate = try source.flag(gate, .gate)
        if gate && services.isEmpty {
            throw ConfigurationError.missing(.services, hint: "gating needs the Jira Service Management service the deployment changes (--service ID)")
        }
        var settings = try environment.settings(source, state: state)
        settings.services = services
        settings.gate = gate
        return settings
    }
}

/// The environment a deployment goes to; `deploy` and `gate` take these.
struct EnvironmentOptions: ParsableArguments {
    @Option(help: .help("Environment name, e.g. production or staging-eu.", .environment))
    var environment: String?

    @Option(help: .help("Stable environment id (default: a slug of the name).", .environmentId))
    var environmentId: String?

    @Option(help: .help("unmapped, development, testing, staging or production (default: from the name).", .environmentType))
    var environmentType: String?

    @Option(help: .help("Rules 'PATTERN=TYPE,…' on the environment name, checked first.", .environmentMap))
    var environmentMap: String?

    @Option(help: .help("Where the deployed environment lives (shown in the description).", .environmentURL))
    var environmentURL: String?

    @Option(help: .help("Deployment sequence number (default: the build number).", .deploymentNumber))
    var deploymentNumber: Int?

    func settings(_ source: SettingsSource, state: DeploymentState) throws -> DeploymentSettings {
        guard let name = source.string(environment, .environment) else {
            throw ConfigurationError.missing(.environment, hint: "the environment deployed to, e.g. production")
        }
        var type: EnvironmentType?
        if let typeWord = source.string(environmentType, .environmentType) {
            type = EnvironmentType(rawValue: typeWord.lowercased())
            guard type != nil else {
                throw ConfigurationError.invalid(
                    .environmentType, value: typeWord,
                    expected: "one of \(EnvironmentType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        var map = EnvironmentTypeMap()
        if let text = source.string(environmentMap, .environmentMap) {
            do {
                map = try EnvironmentTypeMap(parsing: text)
            } catch {
                throw ConfigurationError.invalid(
                    .environmentMap, value: text,
                    expected: "comma-separated PATTERN=TYPE rules with TYPE one of \(EnvironmentType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let number = try source.integer(deploymentNumber, .deploymentNumber)
        if let number, number < 0 {
            throw ConfigurationError.invalid(.deploymentNumber, value: String(number), expected: "a number of 0 or more")
        }
        return DeploymentSettings(
            environmentName: name, environmentId: source.string(environmentId, .environmentId), environmentType: type,
            environmentMap: map, environmentURL: source.string(environmentURL, .environmentURL),
            deploymentNumber: number, state: state)
    }
}
