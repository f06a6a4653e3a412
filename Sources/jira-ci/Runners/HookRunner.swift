import JiraCI

/// `--hook-stdin`: one report per pushed branch, all sent in one bulk request within the hook's time budget.
/// A hook never fails and never holds a push: what Jira does not take in time is queued, and a detached
/// `jira-ci flush` sends it once the push has returned.
struct HookRunner {
    let settings: RunSettings
    let json: Bool
    let lines: [String]
    /// The BB_* variables of a Bitbucket Server hook give links to pushed commits.
    let environment: [String: String]
    let flush: BackgroundFlush.Request

    func run(_ kind: ReportKind) async throws {
        let planner = ReportPlanner(
            factory: PayloadFactory(updateSequence: UpdateSequence().next), target: settings.target, credential: settings.credential)
        var reports: [(branch: String, report: Report)] = []
        let updates = lines.compactMap(HookUpdate.init(line:))
        let baselines = HookUpdate.baselines(updates, branches: try await settings.search.git.branches())
        // A deleted branch has no build: only development information tells Jira about it.
        for (update, baseline) in zip(updates, baselines) {
            guard let newCommit = update.newCommit else { continue }
            var search = settings.search
            search.commit = newCommit
            search.branch = update.branch
            search.since = update.oldCommit
            search.newBranchBase = update.oldCommit == nil ? .notReachableFrom(baseline) : .none
            var pipeline = settings.pipeline
            if pipeline.buildURL == nil {
                pipeline.buildURL = HookUpdate.bitbucketCommitURL(environment, commit: newCommit)
            }
            do {
                let plan = try await planner.plan(kind, search: search, pipeline: pipeline, requireURL: !settings.dryRun)
                plan.warnings.filter { $0 != .noKeys }.forEach { Terminal.warning("\(update.branch): \($0)") }
                if let report = plan.report {
                    reports.append((update.branch, report))
                } else if !json {
                    Terminal.output(line: "\(TerminalText.oneLine(update.branch)): no issue keys, nothing reported")
                }
            } catch {
                Terminal.warning("\(update.branch): \(error) (hook: not failing the push)")
            }
        }
        if settings.dryRun {
            let requests = try settings.delivery().preview(reports.map(\.report))
            if json {
                try Terminal.json(try DryRunView.Output(requests: requests))
            } else {
                Terminal.output(try DryRunView.lines(target: settings.target, sections: [], requests: requests))
            }
            return
        }
        guard !reports.isEmpty else { return }
        let sender = ReportSender(settings: settings, json: json)
        let result = try await sender.dispatch(reports.map(\.report))
        if json {
            try Terminal.json(ReportOutcome.merged(result.fresh.compactMap(\.outcome)))
        } else {
            for ((branch, report), outcome) in zip(reports, result.fresh) {
                Terminal.output(line: "\(TerminalText.oneLine(branch)): " + Self.line(report, outcome))
            }
        }
        if !result.queued.isEmpty {
            Terminal.warning(sender.queuedLine(result, count: result.queued.count, inBackground: true))
            BackgroundFlush.start(outbox: sender.outbox!, flush)
        }
    }

    /// One consistent wording per branch, for the person who pushed.
    static func line(_ report: Report, _ outcome: DeliveryResult) -> String {
        switch outcome {
        case .accepted(let outcome):
            let unknown = outcome.unknownIssueKeys.isEmpty ? "" : " (Jira does not know \(outcome.unknownIssueKeys.joined(separator: ", ")))"
            return "\(report.entity.noun) reported to \(OutcomeView.accepted(outcome, report: report).joined(separator: ", "))\(unknown)"
        case .rejected(let outcome):
            return "Jira refused the \(report.entity.noun): \(outcome.rejectionSummary.isEmpty ? "none of its issues exist or are visible" : outcome.rejectionSummary)"
        case .failed(let error):
            return FailureClass(error).queues ? "\(report.entity.noun) queued: Jira did not answer in time" : "\(report.entity.noun) not reported: \(error)"
        }
    }
}
