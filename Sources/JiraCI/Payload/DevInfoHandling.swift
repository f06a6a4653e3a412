/// How a devinfo report asks Jira to treat it.
public struct DevInfoHandling: Sendable, Codable, Hashable {
    /// Smart-commit transitions and notifications do not fire; nil leaves Jira's default.
    public var preventTransitions: Bool?
    /// A historical import: Jira treats it as background work.
    public var backfill: Bool

    public init(preventTransitions: Bool? = nil, backfill: Bool = false) {
        self.preventTransitions = preventTransitions
        self.backfill = backfill
    }
}
