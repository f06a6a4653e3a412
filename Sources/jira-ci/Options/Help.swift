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

extension SettingsSource {
    /// A build or deployment state from `--state` (or its variable), with the accepted words in every error.
    func state<State>(_ flag: String?, words: [String], _ parse: (String) -> State?) throws -> State {
        let accepted = "one of \(words.joined(separator: ", "))"
        guard let word = stateWord(flag) else { throw ConfigurationError.missing(.state, hint: accepted) }
        guard let state = parse(word) else { throw ConfigurationError.invalid(.state, value: word, expected: accepted) }
        return state
    }
}
