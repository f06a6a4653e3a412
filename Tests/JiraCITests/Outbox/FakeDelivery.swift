import Synchronization

@testable import JiraCI

/// A Jira that records what it was asked to deliver and answers as told.
final class FakeDelivery: JiraDelivery {
    private let sent = Mutex<[[Report]]>([])
    let answer: @Sendable (Report) -> DeliveryResult

    init(_ answer: @escaping @Sendable (Report) -> DeliveryResult) {
        self.answer = answer
    }

    var batches: [[Report]] { sent.withLock { $0 } }

    func preview(_ reports: [Report]) throws -> [PreparedRequest] { [] }

    func deliver(_ reports: [Report]) async -> [DeliveryResult] {
        sent.withLock { $0.append(reports) }
        return reports.map(answer)
    }

    /// A fresh one each time: tests run in parallel, and each counts its own batches.
    static func accepting() -> FakeDelivery {
        FakeDelivery { .accepted(ReportOutcome(accepted: [$0.entity.apiKey])) }
    }
}
