import ArgumentParser
import JiraCI

extension ArgumentHelp {
    /// Help that names the environment variable the flag falls back to, from the one list of variables.
    static func help(_ text: String, _ variable: Variable) -> ArgumentHelp {
        ArgumentHelp("\(text) [env: \(variable.rawValue)]")
    }
}

extension SettingsSource {
    /// The process environment, read here once and nowhere else, with what the CI's own variables say.
    static func current() -> SettingsSource {
        let environment = ProcessEnvironment.variables
        return SettingsSource(environment: environment, detected: CIDetector.detect(environment))
    }
}
