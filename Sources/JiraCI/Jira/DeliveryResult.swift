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
