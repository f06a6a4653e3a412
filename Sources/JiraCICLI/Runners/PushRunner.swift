import JiraCI

/// `--hook-stdin`, for builds, deployments and development information alike: every pushed branch planned and
/// sent within the hook's budget, which covers the whole run, reading git included. A hook never fails and never
/// holds the push: what Jira does not take in time waits in the outbox, the branches the budget did not reach go
/// to a detached run of the same command, and either way one background run sends what waits.
struct PushRunner {
    /// What one pushed branch becomes.
    struct BranchPlan {
        var reports: [Report]
        var warnings: [String]
    }

    let settings: RunSettings
    let json: Bool
    let hook: HookRun
    /// Plans one update, given what its own new commits are not reachable from.
    let plan: (HookUpdate, _ baseline: [String]) async throws -> BranchPlan
    /// `--json`: what Jira did with the reports sent.
    let jsonOutput: (_ reports: [Report], _ results: [DeliveryResult]) throws -> Void

    /// Planning stops while this much of the budget is left, for sending what it planned.
    static let sendingShare = 0.4

    func run() async throws {
        let pushed = hook.lines.compactMap { line in HookUpdate(line: line).map { (line, $0) } }
        let baselines = HookUpdate.Baselines(pushed.map(\.1), branches: try await settings.search.git.branches())
        // A dry run and a detached continuation hold no push: they read git to the end.
        let planUntil =
            settings.dryRun || hook.continuation != nil
            ? Deadline.none : hook.deadline.earlier(by: hook.budget * Self.sendingShare)
        var reports: [Report] = []
        var planned = 0
        for (index, (_, update)) in pushed.enumerated() {
            if planUntil.hasPassed { break }
            planned += 1
            do {
                let branch = try await plan(update, baselines[index])
                for warning in branch.warnings { Terminal.warning("\(update.branch): \(warning)") }
                reports += branch.reports
                if branch.reports.isEmpty, !json, hook.holdsPush {
                    Terminal.output(line: "\(TerminalText.oneLine(update.branch)): no issue keys, nothing reported")
                }
            } catch {
                Terminal.warning("\(update.branch): \(error) (hook: not failing the push)")
            }
        }
        if settings.dryRun {
            return try DryRunView.show(try settings.delivery().preview(reports), target: settings.target, json: json)
        }
        if let pending = hook.continuation {
            return try await finishContinuation(reports, pending: pending)
        }
        let sender = ReportSender(settings: settings, json: json)
        let result = reports.isEmpty ? nil : try await sender.dispatch(reports)
        if let result { show(reports, result, notQueued: sender.notQueued(result)) }
        let rest = pushed.dropFirst(planned).map(\.0)
        if !rest.isEmpty {
            handOn(rest, queued: result?.queued.count ?? 0, sender: sender)
        } else if let result, !result.queued.isEmpty {
            Terminal.warning(sender.queuedLine(result, count: result.queued.count, inBackground: true))
            BackgroundRun.flush(outbox: sender.outbox!)
        } else if let result, let reason = sender.notQueued(result), result.fresh.contains(where: Self.waitsInOutbox) {
            Terminal.warning(
                "Jira unreachable (\(result.unreachable.map { "\($0)" } ?? "no answer in time")), and the report(s) could not be queued: \(reason) (hook: not failing the push)"
            )
        }
    }

    static func waitsInOutbox(_ outcome: DeliveryResult) -> Bool {
        if case .failed(let error) = outcome { FailureClass(error).queues } else { false }
    }

    /// One line per branch, for the person who pushed.
    private func show(_ reports: [Report], _ result: Dispatcher.Result, notQueued: String?) {
        if json {
            do {
                try jsonOutput(reports, result.fresh)
            } catch {
                Terminal.warning("\(error) (hook: not failing the push)")
            }
            return
        }
        for (report, outcome) in zip(reports, result.fresh) {
            Terminal.output(
                line: "\(TerminalText.oneLine(report.context.branch ?? "?")): "
                    + Self.line(report, outcome, notQueued: notQueued))
        }
    }

    /// One consistent wording per branch. "Queued" only when the report is in the outbox.
    static func line(_ report: Report, _ outcome: DeliveryResult, notQueued: String?) -> String {
        switch outcome {
        case .accepted(let outcome):
            let unknown =
                outcome.unknownIssueKeys.isEmpty
                ? "" : " (Jira does not know \(outcome.unknownIssueKeys.joined(separator: ", ")))"
            return
                "\(report.entity.noun) reported to \(OutcomeView.accepted(outcome, report: report).joined(separator: ", "))\(unknown)"
        case .rejected(let outcome):
            return
                "Jira refused the \(report.entity.noun): \(outcome.rejectionSummary.isEmpty ? "none of its issues exist or are visible" : outcome.rejectionSummary)"
        case .failed(let error) where FailureClass(error).queues:
            guard let notQueued else { return "\(report.entity.noun) queued: Jira did not answer in time" }
            return "\(report.entity.noun) not reported (\(error)), and it could not be queued: \(notQueued)"
        case .failed(let error):
            return "\(report.entity.noun) not reported: \(error)"
        }
    }

    /// The branches the budget did not reach: written beside the outbox and handed to a detached run of the same
    /// command, which reads git to the end, queues every report and then sends what waits.
    private func handOn(_ lines: [String], queued: Int, sender: ReportSender) {
        let branches = "\(lines.count) more branch\(lines.count == 1 ? "" : "es")"
        let budget = "the hook's \(Interval.format(hook.budget)) budget ran out while reading git"
        guard let outbox = sender.outbox else {
            Terminal.warning(
                "\(branches) not reported: \(budget), and there is no outbox to hand them on: \(settings.outboxAbsence ?? "no outbox") (hook: not failing the push)"
            )
            return
        }
        do {
            let pending = try PushContinuation.write(lines, into: outbox)
            guard BackgroundRun.continuePush(outbox: outbox, pending: pending) else {
                PushContinuation.remove(pending)
                Terminal.warning(
                    "\(branches) not reported: \(budget), and no background run could be started (hook: not failing the push)"
                )
                return
            }
            Terminal.warning(
                "\(branches) go to a background run (\(budget))\(queued > 0 ? "; it also sends the \(queued) report(s) queued now" : ""); its log: \(outbox.directory)/flush.log"
            )
        } catch {
            Terminal.warning(
                "\(branches) not reported: \(budget), and they could not be handed on: \(error) (hook: not failing the push)"
            )
        }
    }

    /// The detached run: every report goes into the outbox first (a kill loses nothing from then on), then what
    /// waits is sent, within the background run's time.
    private func finishContinuation(_ reports: [Report], pending: String) async throws {
        let sender = ReportSender(settings: settings, json: false)
        guard let outbox = sender.outbox else {
            throw ConfigurationError.noOutbox(reason: settings.outboxAbsence ?? "none is configured")
        }
        let waiting = try outbox.enqueue(reports).waiting
        PushContinuation.remove(pending)
        Terminal.notice(
            "\(reports.count) report(s) of the push's remaining branches queued (\(waiting) waiting); sending")
        let result = try await sender.dispatch([])
        Terminal.notice("delivered \(result.delivered), rejected \(result.rejected.count), waiting \(result.waiting)")
    }
}
