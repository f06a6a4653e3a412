/// What a CI's environment says about the run, by the `JIRA_CI_*` setting it fills.
public struct DetectedCI: Sendable, Equatable {
    public struct Fact: Sendable, Equatable {
        public let value: String
        /// The CI's own variable the value came from.
        public let variable: String
    }

    public let name: String
    public let facts: [Variable: Fact]
    /// What the CI said that jira-ci cannot use (a build number that is no number), so it can say why it
    /// derived the value instead.
    public let unusable: [Variable: Fact]

    public init(name: String, facts: [Variable: Fact], unusable: [Variable: Fact] = [:]) {
        self.name = name
        self.facts = facts
        self.unusable = unusable
    }
}
