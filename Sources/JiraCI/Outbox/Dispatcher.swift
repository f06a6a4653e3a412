/// Sends a run's fresh reports together with what the outbox holds for the same site and credential, and keeps
/// what Jira could not take: the one path from reports to Jira for `build`, `deploy`, hooks and `flush`.
public struct Dispatcher: Sendable {
    /// Queued reports are claimed (and their files held open) this many at a time.
    static let claimChunk = 500

    let delivery: any JiraDelivery
    let outbox: Outbox?

    public init(delivery: any JiraDelivery, outbox: Outbox?) {
        self.delivery = delivery
        self.outbox = outbox
    }

    /// What became of everything sent.
    public struct Result: Sendable {
        /// One per fresh report, in order.
        public var fresh: [DeliveryResult] = []
        /// Fresh reports now waiting in the outbox.
        public var queued: [Report] = []
        public var delivered = 0
        /// Queued reports Jira refused, moved to `rejected/`: where, and Jira's answer.
        public var rejected: [(report: Report, path: String, answer: String)] = []
        /// Files the outbox moved aside (corrupt, foreign, over capacity).
        public var evicted: [Outbox.Eviction] = []
        /// Reports a newer jira-ci queued, left waiting for it: the newest format among them, and how many.
        public var newerFormat: (format: Int, count: Int)?
        /// The credentials were refused: queued reports stay, for when they are fixed.
        public var refusal: (any Error)?
        /// Why delivery stopped, when Jira was out of reach.
        public var unreachable: (any Error)?
        /// Reports waiting in the outbox after the run (all sites).
        public var waiting = 0
        /// Queueing itself failed (a full disk, an unwritable folder): the fresh reports are lost.
        public var queueFailure: FileSystem.Failure?
    }

    /// Queued reports for the delivery's site and credential (`queueKey`) go first, oldest first, in the same
    /// bulk requests as the fresh ones; reports for other sites or credentials wait for a run that has them.
    public func dispatch(_ fresh: [Report], queueKey key: String) async -> Result {
        var result = Result()
        var freshLeft = fresh
        var seen = Set<String>()
        var newer: [String: Int] = [:]
        while true {
            let (claim, evicted) =
                outbox?.claim(limit: Self.claimChunk, skipping: seen) { $0.queueKey == key } ?? (nil, [])
            result.evicted += evicted
            for (name, format) in claim?.newer ?? [] where !newer.keys.contains(name) { newer[name] = format }
            let queued = claim?.entries ?? []
            for file in queued { seen.insert(file.name) }
            guard !queued.isEmpty || !freshLeft.isEmpty else {
                claim?.release()
                break
            }
            let results = await delivery.deliver(queued.map(\.report) + freshLeft)
            for (entry, outcome) in zip(queued, results) {
                switch outcome {
                case .accepted:
                    claim?.delivered(entry)
                    result.delivered += 1
                case .rejected(let outcome):
                    let answer = outcome.rejectionSummary.isEmpty ? "Jira did not accept it" : outcome.rejectionSummary
                    result.rejected.append((entry.report, claim?.rejected(entry, answer: answer) ?? "", answer))
                case .failed(let error):
                    note(error, in: &result)
                }
            }
            claim?.release()
            result.fresh += results.dropFirst(queued.count)
            freshLeft = []
            if result.refusal != nil || result.unreachable != nil || queued.isEmpty { break }
        }
        if let newest = newer.values.max() { result.newerFormat = (newest, newer.count) }
        for error in result.fresh.compactMap({ if case .failed(let error) = $0 { error } else { nil } }) {
            note(error, in: &result)
        }
        let undelivered = zip(fresh, result.fresh).compactMap { report, outcome -> Report? in
            if case .failed(let error) = outcome, FailureClass(error).queues { return report }
            return nil
        }
        if let outbox {
            do {
                let (waiting, evicted) =
                    undelivered.isEmpty ? (outbox.waitingNames().count, []) : try outbox.enqueue(undelivered)
                result.queued = undelivered
                result.waiting = waiting
                result.evicted += evicted
            } catch {
                result.queueFailure = error
                result.waiting = outbox.waitingNames().count
            }
        }
        return result
    }

    private func note(_ error: any Error, in result: inout Result) {
        switch FailureClass(error) {
        case .refused: result.refusal = result.refusal ?? error
        case .transient: result.unreachable = result.unreachable ?? error
        case .rejected, .configuration, .misdirected, .internalError: break
        }
    }
}
