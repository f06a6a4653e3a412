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

    /// A missing or unreadable JUnit file must not cost the build its report: it is a warning, and the build
    /// goes without test figures.
    func settings(_ source: SettingsSource) throws -> BuildSettings {
        let state = try source.state(state, .state) as BuildState
        var total = try source.value(tests, .tests)
        for path in source.list(junit, .junit) {
            let info: Build.TestInfo
            do {
                info = try JUnitSummary.testInfo(xml: try FileSystem.read(path))
            } catch let error as FileSystem.Failure {
                Terminal.warning("no test figures from \(error.path): \(error.reason) (--junit); the build is reported without them")
                return BuildSettings(state: state, testInfo: nil)
            } catch {
                Terminal.warning("no test figures from \(path): \(error) (--junit); the build is reported without them")
                return BuildSettings(state: state, testInfo: nil)
            }
            guard let sum = total.map({ $0.adding(info) }) ?? info else {
                throw ConfigurationError.conflict("the test counts of --tests and --junit add up to more than Jira can hold")
            }
            total = sum
        }
        return BuildSettings(state: state, testInfo: total)
    }
}

extension SettingsSource {
    /// A build or deployment state from `--state` (or its variable), with the accepted words in every error.
    /// Jenkins leaves the build result null until the run ends, so under Jenkins none means in progress.
    func state<State: SettingValue>(_ flag: StateArgument<State>?, _ variable: Variable) throws -> State {
        if case .state(let state)? = flag { return state }
        guard let word = stateWord(nil) else {
            throw ConfigurationError.missing(.state, hint: "one of \(State.valueWords.joined(separator: ", ")), or a CI's word for one")
        }
        return try parse(word, .state, as: State.self)
    }
}
