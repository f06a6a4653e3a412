import ArgumentParser
import JiraCI

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
