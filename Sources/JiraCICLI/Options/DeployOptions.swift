import ArgumentParser
import JiraCI

/// Flags only a deployment report has.
struct DeployOptions: ParsableArguments {
    @Option(.state, as: StateArgument<DeploymentState>.self)
    var state: StateArgument<DeploymentState>?

    @Flag(.gate)
    var gate = false

    @Option(.services)
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
    @Option(.environment)
    var environment: String?

    @Option(.environmentId)
    var environmentId: String?

    @Option(.environmentType, as: EnvironmentType.self)
    var environmentType: EnvironmentType?

    @Option(.environmentMap, as: EnvironmentTypeMap.self)
    var environmentMap: EnvironmentTypeMap?

    @Option(.environmentURL, as: WebURL.self)
    var environmentURL: WebURL?

    @Option(.deploymentNumber, as: PayloadNumber.self)
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
