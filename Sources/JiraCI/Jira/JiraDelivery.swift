/// Everything that talks to Jira implements this; commands never branch on the flavour.
public protocol JiraDelivery: Sendable {
    /// The requests delivering `reports` would make, for `--dry-run`: no credentials or network needed.
    func preview(_ reports: [Report]) throws -> [PreparedRequest]
    /// Delivers `reports` in as few requests as the API allows. One result per report, in order; nothing
    /// thrown: a report Jira never heard of comes back `.failed` with the reason.
    func deliver(_ reports: [Report]) async -> [DeliveryResult]
}

/// What became of one report.
public enum DeliveryResult: Sendable {
    /// Jira took it; the outcome may name unknown issue keys.
    case accepted(ReportOutcome)
    /// Jira refused this report's data: sending it again would fail again.
    case rejected(ReportOutcome)
    /// Jira did not decide on it: unreachable, failing, or the credentials were refused.
    case failed(any Error)

    public var outcome: ReportOutcome? {
        switch self {
        case .accepted(let outcome), .rejected(let outcome): outcome
        case .failed: nil
        }
    }
}

/// One HTTP request as it will be (or, in a dry run, would be) sent. Bodies are JSON.
public struct PreparedRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var body: [UInt8]?

    public init(method: String, url: String, body: [UInt8]?) {
        self.method = method
        self.url = url
        self.body = body
    }
}
