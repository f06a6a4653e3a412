import ArgumentParser
import JiraCI

/// Flags only a build report has.
struct BuildOptions: ParsableArguments {
    @Option(help: .help("The build's result: success, failed, cancelled, in_progress, pending, unknown, or a CI's word for one.", .state))
    var state: String?

    @Option(help: .help("Test counts TOTAL,PASSED,FAILED[,SKIPPED].", .tests))
    var tests: String?

    @Option(name: .customLong("junit"), help: .help("A JUnit XML report to count tests from (repeatable).", .junit))
    var junit: [String] = []

    func settings(_ source: SettingsSource) throws -> BuildSettings {
        let state = try source.state(state, words: BuildState.acceptedWords, BuildState.init(word:))
        return BuildSettings(state: state, testInfo: try testInfo(source))
    }

    private func testInfo(_ source: SettingsSource) throws -> Build.TestInfo? {
        var total: Build.TestInfo?
        if let text = source.string(tests, .tests) {
            total = try Self.parseCounts(text)
        }
        for path in source.list(junit, .junit) {
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(path)
            } catch {
                throw ConfigurationError.unreadableFile(.junit, path: path, reason: error.reason)
            }
            guard let info = try? JUnitSummary.testInfo(xml: bytes) else {
                throw ConfigurationError.unreadableFile(.junit, path: path, reason: "not a JUnit XML report (no <testsuite> or <testcase>)")
            }
            total = total.map { $0 + info } ?? info
        }
        return total
    }

    static func parseCounts(_ text: String) throws -> Build.TestInfo {
        let expected = "TOTAL,PASSED,FAILED[,SKIPPED] with whole numbers, e.g. 120,118,2"
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmed) }
        guard numbers.count == 3 || numbers.count == 4, numbers.allSatisfy({ $0 != nil && $0! >= 0 }) else {
            throw ConfigurationError.invalid(.tests, value: text, expected: expected)
        }
        let values = numbers.map { $0! }
        let skipped = values.count == 4 ? values[3] : nil
        guard values[1] + values[2] + (skipped ?? 0) <= values[0] else {
            throw ConfigurationError.invalid(.tests, value: text, expected: "PASSED + FAILED + SKIPPED to be at most TOTAL")
        }
        return Build.TestInfo(totalNumber: values[0], numberPassed: values[1], numberFailed: values[2], numberSkipped: skipped)
    }
}
