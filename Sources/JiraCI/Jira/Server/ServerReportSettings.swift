/// Server-only report options.
public struct ServerReportSettings: Sendable {
    public var comment: Bool

    public init(comment: Bool = false) {
        self.comment = comment
    }
}
