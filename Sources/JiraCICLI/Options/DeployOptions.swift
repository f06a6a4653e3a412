import ArgumentParser
import JiraCI

/// Flags only a deployment report has.
struct DeployOptions: ParsableArguments {
    @Option(of: StateArgument<DeploymentState>.self, help: .help("The deployment's result: the build words plus rolled_back.", .state))
    var state: StateArgument<DeploymentState>?

    @Flag(help: .help("Ask Jira Service Management for a change-gating decision (needs --service).", .gate))
    var gate = false

    @Option(name: .customLong("service"), help: .help("A Jira service id or key to associate (repeatable).", .services))
    var services: [String] = []

    func settings(_ source: SettingsSource, environment: EnvironmentOptions) throws -> DeploymentSettings {
        let state = try source.state(state, .state) as DeploymentState
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

    @Option(help: .help("Stable environment id (default: a slug of the name; made URL-safe).", .environmentId))
    var environmentId: String?

    @Option(of: EnvironmentType.self, help: .help("The environment's type (default: from the name).", .environmentType))
    var environmentType: EnvironmentType?

    @Option(of: EnvironmentTypeMap.self, help: .help("Rules 'PATTERN=TYPE,…' on the environment name, checked first.", .environmentMap))
    var environmentMap: EnvironmentTypeMap?

    @Option(of: WebURL.self, help: .help("Where the deployed environment lives (shown in the description).", .environmentURL))
    var environmentURL: WebURL?

    @Option(of: PayloadNumber.self, help: .help("Deployment sequence number (default: the build number).", .deploymentNumber))
    var deploymentNumber: PayloadNumber?

    func settings(_ source: SettingsSource, state: DeploymentState) throws -> DeploymentSettings {
        guard let name = source.string(environment, .environment) else {
            throw ConfigurationError.missing(.environment, hint: "the environment deployed to, e.g. production")
        }
        return DeploymentSettings(
            environmentName: name, environmentId: source.string(environmentId, .environmentId),
            environmentType: try source.value(environmentType, .environmentType),
            environmentMap: try source.value(environmentMap, .environmentMap) ?? EnvironmentTypeMap(),
            environmentURL: try source.value(environmentURL, .environmentURL)?.text,
            deploymentNumber: try source.value(deploymentNumber, .deploymentNumber)?.value, state: state)
    }
}
