import JiraCI

/// A build's own settings: its state, and its test figures from `--tests` and the JUnit files, which are read
/// here. A missing or unreadable JUnit file must not cost the build its report: it is a warning, and the build
/// goes without test figures.
struct BuildSettingsResolver {
    let options: BuildOptions
    let source: SettingsSource

    func settings() throws -> BuildSettings {
        let state = try source.state(options.state, .state) as BuildState
        var total = try source.value(options.tests, .tests)
        for path in source.list(options.junit, .junit) {
            let info: Build.TestInfo
            do {
                info = try JUnitSummary.testInfo(xml: try FileSystem.read(path))
            } catch let error as FileSystem.Failure {
                Terminal.warning(
                    "no test figures from \(error.path): \(error.reason) (--junit); the build is reported without them")
                return BuildSettings(state: state, testInfo: nil)
            } catch {
                Terminal.warning("no test figures from \(path): \(error) (--junit); the build is reported without them")
                return BuildSettings(state: state, testInfo: nil)
            }
            guard let sum = total.map({ $0.adding(info) }) ?? info else {
                throw ConfigurationError.testCountsOverflow
            }
            total = sum
        }
        return BuildSettings(state: state, testInfo: total)
    }
}
