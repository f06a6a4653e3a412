/// Jira Service Management change gating: what Jira decided for one deployment.
public struct GatingResult: Sendable, Equatable, Encodable {
    public enum Status: String, Sendable, Encodable {
        case allowed, prevented, awaiting, expired, invalid
    }

    public var status: Status
    public var taskKey: String?
    public var updatedTimestamp: String?
    public var details: [JSONValue]

    public var isFinal: Bool { status != .awaiting }
}
