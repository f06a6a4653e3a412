import ArgumentParser
import JiraCI

/// Flags only a build report has.
struct BuildOptions: ParsableArguments {
    @Option(.state, as: StateArgument<BuildState>.self)
    var state: StateArgument<BuildState>?

    @Option(.tests, as: Build.TestInfo.self)
    var tests: Build.TestInfo?

    @Option(.junit, completion: .file(extensions: ["xml"]))
    var junit: [String] = []
}

extension SettingsSource {
    /// A build or deployment state from `--state` (or its variable), with the accepted words in every error.
    /// Jenkins leaves the build result null until the run ends, so under Jenkins none means in progress.
    func state<State: SettingValue>(_ flag: StateArgument<State>?, _ variable: Variable) throws -> State {
        if case .state(let state)? = flag { return state }
        guard let word = stateWord(nil) else {
            throw ConfigurationError.missing(
                .state, hint: "one of \(State.valueWords.joined(separator: ", ")), or a CI's word for one")
        }
        return try parse(word, .state, as: State.self)
    }
}
