import ArgumentParser
import JiraCI

extension ArgumentHelp {
    /// Help that names the environment variable the flag falls back to, from the one list of variables.
    static func help(_ text: String, _ variable: Variable) -> ArgumentHelp {
        ArgumentHelp("\(text) [env: \(variable.rawValue)]")
    }
}

extension SettingsSource {
    /// The process environment: read here once, and nowhere else.
    static func current() -> SettingsSource {
        SettingsSource(environment: ProcessEnvironment.variables)
    }
}
