/// One build as the Builds API takes it. Field names are the API's.
public struct Build: Sendable, Codable, Equatable {
    public var schemaVersion = "1.0"
    public var pipelineId: String
    public var buildNumber: Int64
    public var updateSequenceNumber: Int64
    public var displayName: String
    public var description: String?
    public var label: String?
    public var url: String
    public var state: BuildState
    public var lastUpdated: String
    /// The issues, as the current API takes them: one `issueIdOrKeys` association.
    public var associations: [Association]?
    /// The deprecated field (at most 100 keys): what a Jira that does not know `associations` takes, and where
    /// reports queued by jira-ci 0.2 and earlier hold their keys (they are sent as they were queued).
    public var issueKeys: [String]?
    public var testInfo: TestInfo?
    public var references: [Reference]?

    /// The issues it names, whichever field holds them, in order.
    public var keys: [String] {
        (issueKeys ?? []) + (associations ?? []).issueKeys
    }

    /// The build as a Jira that does not know `associations` takes it: its first keys in `issueKeys`, and the
    /// keys that did not fit.
    public func withIssueKeysField() -> (build: Build, leftOut: [String]) {
        let keys = self.keys
        var build = self
        build.associations = nil
        build.issueKeys = Array(keys.prefix(FieldLimits.issueKeysField))
        return (build, Array(keys.dropFirst(FieldLimits.issueKeysField)))
    }

    public struct TestInfo: Sendable, Codable, Equatable, SettingValue {
        public var totalNumber: Int64
        public var numberPassed: Int64
        public var numberFailed: Int64
        public var numberSkipped: Int64?

        public init(totalNumber: Int64, numberPassed: Int64, numberFailed: Int64, numberSkipped: Int64?) {
            self.totalNumber = totalNumber
            self.numberPassed = numberPassed
            self.numberFailed = numberFailed
            self.numberSkipped = numberSkipped
        }

        /// `TOTAL,PASSED,FAILED[,SKIPPED]`, as `--tests` takes it. Every sum is checked: no count can overflow.
        public static func parse(_ text: String) throws(ValueError) -> TestInfo {
            let format = ValueError(expected: "TOTAL,PASSED,FAILED[,SKIPPED] with whole numbers, e.g. 120,118,2")
            let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map { Int64($0.trimmed) }
            guard numbers.count == 3 || numbers.count == 4, numbers.allSatisfy({ ($0 ?? -1) >= 0 }) else {
                throw format
            }
            let values = numbers.map { $0! }
            let info = TestInfo(
                totalNumber: values[0], numberPassed: values[1], numberFailed: values[2],
                numberSkipped: values.count == 4 ? values[3] : nil)
            guard let counted = info.counted, counted <= info.totalNumber else {
                throw ValueError(expected: "PASSED + FAILED + SKIPPED to be at most TOTAL")
            }
            return info
        }

        /// PASSED + FAILED + SKIPPED, or nil when that overflows.
        var counted: Int64? {
            [numberPassed, numberFailed, numberSkipped ?? 0].reduce(Optional(Int64(0))) { sum, value in
                sum.flatMap {
                    let (total, overflow) = $0.addingReportingOverflow(value)
                    return overflow ? nil : total
                }
            }
        }

        /// The sum of two reports' figures, or nil when a count would overflow.
        public func adding(_ other: TestInfo) -> TestInfo? {
            func sum(_ a: Int64, _ b: Int64) -> Int64? {
                let (total, overflow) = a.addingReportingOverflow(b)
                return overflow ? nil : total
            }
            guard let total = sum(totalNumber, other.totalNumber), let passed = sum(numberPassed, other.numberPassed),
                let failed = sum(numberFailed, other.numberFailed),
                let skipped = sum(numberSkipped ?? 0, other.numberSkipped ?? 0)
            else { return nil }
            return TestInfo(totalNumber: total, numberPassed: passed, numberFailed: failed, numberSkipped: skipped)
        }
    }

    public struct Reference: Sendable, Codable, Equatable {
        public struct Commit: Sendable, Codable, Equatable {
            public var id: String
            public var repositoryUri: String
        }
        public struct Ref: Sendable, Codable, Equatable {
            public var name: String
            public var uri: String
        }
        public var commit: Commit?
        public var ref: Ref?
    }
}
