/// Everything that talks to Jira implements this; commands never branch on the flavour.
public protocol JiraDelivery: Sendable {
    /// The requests delivering `reports` would make, for `--dry-run`: no credentials or network needed.
    func preview(_ reports: [Report]) throws -> [PreparedRequest]
    /// Delivers `reports` in as few requests as the API allows. One result per report, in order; nothing
    /// thrown: a report Jira never heard of comes back `.failed` with the reason.
    func deliver(_ reports: [Report]) async -> [DeliveryResult]
}
