import JiraCI

/// Sends reports (with what the outbox holds for the same site and credential), says what happened, and turns
/// the result into an exit status: the delivery half of `build`, `deploy`, hooks and `flush`.
struct ReportSender {
    let settings: RunSettings
    let json: Bool

    var outbox: Outbox? { settings.outboxDirectory.map { Outbox(directory: $0) } }

    var queueKey: String { Report.queueKey(target: settings.target, credential: settings.credential) }

    func dispatch(_ reports: [Report]) async throws -> Dispatcher.Result {
        let delivery = try settings.delivery()
        let result = await Dispatcher(delivery: delivery, outbox: outbox).dispatch(reports, queueKey: queueKey)
        // Good news, not a warning; `flush` (no fresh reports) says it in its summary.
        if result.delivered > 0, !reports.isEmpty {
            Terminal.notice("delivered \(result.delivered) report(s) queued earlier")
        }
        explainQueue(result)
        return result
    }

    /// What happened to queued reports: each refused one and each file moved aside is a warning; nothing
    /// leaves the outbox silently.
    func explainQueue(_ result: Dispatcher.Result) {
        for rejected in result.rejected {
            Terminal.warning(
                "Jira refused the queued \(rejected.report.entity.noun) (made \(Age.text(since: rejected.report.createdAt)) ago): \(rejected.answer); moved to \(rejected.path)"
            )
        }
        for eviction in result.evicted {
            Terminal.warning(
                "moved \(eviction.name) to \(outbox?.rejectedDirectory ?? "rejected/"): \(eviction.reason)")
        }
        if let newer = result.newerFormat {
            Terminal.warning(
                "\(newer.count) report(s) in \(outbox?.directory ?? "the outbox") were queued by a newer jira-ci (outbox format \(newer.format); this one reads up to \(OutboxFormat.current)): left waiting for it"
            )
        }
    }

    /// The line a queued report gets, instead of an error: the report is not lost.
    /// - Parameter inBackground: a hook has started a flush that sends them now.
    func queuedLine(_ result: Dispatcher.Result, count: Int, inBackground: Bool = false) -> String {
        let reason = result.unreachable.map { String(describing: $0) } ?? "Jira did not answer"
        let (what, it) = count == 1 ? ("report", "it") : ("\(count) reports", "them")
        let next =
            inBackground
            ? "a background flush is sending \(it) now" : "the next jira-ci run or 'jira-ci flush' sends \(it)"
        return
            "Jira unreachable (\(reason)); \(what) queued in \(outbox?.directory ?? "the outbox") (\(result.waiting) waiting); \(next)"
    }

    /// Prints what became of fresh reports (`show`, for a command whose output has its own shape) and fails
    /// as the first failure says (a warning and exit 0 with --soft-fail).
    func finish(
        _ reports: [Report], _ result: Dispatcher.Result, show: (([Report], [DeliveryResult]) throws -> Void)? = nil
    ) throws {
        let outcomes = result.fresh.compactMap { if case .accepted(let outcome) = $0 { outcome } else { nil } }
        if let show {
            try show(reports, result.fresh)
        } else if json {
            try Terminal.json(ReportOutcome.merged(result.fresh.compactMap(\.outcome)))
        } else {
            for (report, outcome) in zip(reports, result.fresh) {
                if case .accepted(let outcome) = outcome { Terminal.output(OutcomeView.lines(outcome, report: report)) }
            }
        }
        let unknown = ReportOutcome.merged(outcomes).unknownIssueKeys
        if !unknown.isEmpty {
            Terminal.warning(
                "Jira does not know these issue keys (or may not show them): \(unknown.joined(separator: ", "))")
            if settings.target.flavor == .cloud, settings.search.rules.allowedProjects.isEmpty,
                let hint = OutcomeView.projectHint(unknown: unknown, reports: reports)
            {
                Terminal.warning(hint)
            }
        }
        try fail(reports, result)
    }

    /// Why reports that should wait in the outbox do not: writing them failed, or there is no outbox.
    func notQueued(_ result: Dispatcher.Result) -> String? {
        if let failure = result.queueFailure { return "\(failure)" }
        return outbox == nil ? settings.outboxAbsence ?? "there is no outbox" : nil
    }

    private func fail(_ reports: [Report], _ result: Dispatcher.Result) throws {
        // One line for a report that could neither be delivered nor queued: why not, both ways.
        let unqueued = notQueued(result).flatMap { reason in
            result.fresh.lazy.compactMap { outcome -> JiraError? in
                guard case .failed(let error) = outcome, FailureClass(error).queues else { return nil }
                return .unqueued(cause: "\(error)", reason: reason)
            }.first
        }
        if let unqueued { try soften(unqueued) }
        if !result.queued.isEmpty {
            Terminal.warning(queuedLine(result, count: result.queued.count))
            if !settings.softFail { throw QuietExit(status: .unreachable) }
            return
        }
        for (report, outcome) in zip(reports, result.fresh) {
            switch outcome {
            case .accepted(let outcome) where !outcome.rejected.isEmpty:
                Terminal.warning("some issues were not updated: \(outcome.rejectionSummary)")
            case .accepted:
                break
            case .rejected(let outcome) where outcome.accepted.isEmpty:
                try soften(JiraError.reportNotAccepted(noun: report.entity.noun, outcome: outcome))
            case .rejected(let outcome):
                try soften(JiraError.reportPartlyAccepted(noun: report.entity.noun, outcome: outcome))
            case .failed(let error) where unqueued == nil || !FailureClass(error).queues:
                try soften(error)
            case .failed:
                break
            }
        }
    }

    /// Throws `error`, or with --soft-fail shows it as a warning.
    func soften(_ error: any Error) throws {
        guard settings.softFail, ExitStatus.isSoftenable(error) else { throw error }
        Terminal.warning("\(error) (--soft-fail: exiting 0)")
    }
}
