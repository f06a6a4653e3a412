import JiraCI

extension SettingsSource {
    /// The process environment, read here once and nowhere else, with what the CI's own variables say.
    static func current() -> SettingsSource {
        let environment = ProcessEnvironment.variables
        var facts = environment
        // TeamCity keeps its numeric build id in a properties file, not in the environment.
        if let path = environment[TeamCity.propertiesFileVariable], !path.isEmpty,
            let bytes = try? FileSystem.read(path, limit: 4 * 1024 * 1024)
        {
            let properties = TeamCity.properties(String(decoding: bytes, as: UTF8.self))
            facts[TeamCity.buildIdProperty] = properties[TeamCity.buildIdProperty]
        }
        return SettingsSource(environment: environment, detected: CIDetector.detect(facts))
    }
}
