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
            throw ConfigurationError.missing(
                .services,
                hint: "gating needs the Jira Service Management service the deployment changes (--service ID)")
        }
        var settings = try environment.settings(source, state: state)
        settings.services = services
        settings.gate = gate
        return settings
    }
}
