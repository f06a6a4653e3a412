public struct BuildSettings: Sendable, Equatable {
    public var state: BuildState
    public var testInfo: Build.TestInfo?

    public init(state: BuildState, testInfo: Build.TestInfo? = nil) {
        self.state = state
        self.testInfo = testInfo
    }
}
