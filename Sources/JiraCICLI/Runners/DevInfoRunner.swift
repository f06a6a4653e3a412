import JiraCI

/// `devinfo`: a range from CI or by hand, the pushed branches of a hook, or a one-time backfill.
struct DevInfoRunner {
    let settings: RunSettings
    let devinfo: DevInfoSettings
    let json: Bool

    var planner: DevInfoPlanner {
        var devinfo = devinfo
        devinfo.repositoryURL = devinfo.repositoryURL ?? settings.search.repositoryURL
        return DevInfoPlanner(
            target: settings.target, credential: settings.credential, settings: devinfo, git: settings.search.git,
            rules: settings.search.rules, sequence: UpdateSequence().next)
    }

    /// The commits of the range and their branch.
    func run() async throws {
        let plan = try await planner.plan(settings.search)
        for warning in plan.warnings { Terminal.warning(warning.description) }
        try await send(plan.reports, nothingToSend: "no commit or branch names an issue key; nothing to send")
    }

    /// One pushed branch of a hook: the branch and its new commits, or its deletion.
    func branch(_ update: HookUpdate, baseline: [String], planner: DevInfoPlanner) async throws -> PushRunner.BranchPlan
    {
        let plan = try await planner.plan(update, baseline: baseline, search: settings.search)
        return PushRunner.BranchPlan(reports: plan.reports, warnings: plan.warnings.map(\.description))
    }

    private func send(_ reports: [Report], nothingToSend: String) async throws {
        guard !reports.isEmpty else {
            if settings.requireKeys { throw NoKeysFound(where: "the commits and the branch") }
            Terminal.warning(nothingToSend)
            return json && settings.dryRun ? try DryRunView.show([], target: settings.target, json: true) : ()
        }
        if settings.dryRun { return try preview(reports) }
        let sender = ReportSender(settings: settings, json: json)
        let result: Dispatcher.Result
        do {
            result = try await sender.dispatch(reports)
        } catch {
            return try sender.soften(error)
        }
        try sender.finish(reports, result) { reports, results in
            if json {
                try Terminal.json(DevInfoDocument(reports: reports, results: results))
            } else {
                for (report, outcome) in zip(reports, results) {
                    if case .accepted(let outcome) = outcome {
                        Terminal.output(OutcomeView.lines(outcome, report: report))
                    }
                }
            }
        }
    }

    private func preview(_ reports: [Report]) throws {
        let sections = [reports.map { "Sends: \($0.entity.noun) (\(DryRunView.identity($0)))" }]
        try DryRunView.show(
            try settings.delivery().preview(reports), target: settings.target, sections: sections, json: json)
    }

    /// A whole history, resumable; progress on stderr when it is a terminal.
    func backfill(allBranches: Bool, stateDirectory: String?) async throws {
        let planner = planner
        let scope = try await BackfillScope.resolve(settings.search, allBranches: allBranches)
        let facts = try await planner.repository()
        for warning in facts.warnings { Terminal.warning(warning.description) }
        let delivery = try settings.delivery()
        let backfill = Backfill(
            planner: planner, delivery: delivery, stateDirectory: stateDirectory,
            queueKey: Report.queueKey(target: settings.target, credential: settings.credential), repositoryId: facts.id,
            dryRun: settings.dryRun)
        let showProgress = Terminal.isStandardErrorTerminal && !json
        let result = try await backfill.run(
            tips: scope.tips, branches: scope.branches, since: scope.since, search: settings.search
        ) { read, sent in
            if showProgress { Terminal.progress("backfill: \(read) commits read, \(sent) sent") }
        }
        if showProgress { Terminal.progress(nil) }
        if settings.dryRun {
            let summary =
                "would send \(result.commitsSent) commits with issue keys and \(result.branchesSent) branches of \(result.commitsRead) commits read, in \(result.requests) request(s); the first:"
            return try DryRunView.show(result.preview, target: settings.target, sections: [[summary]], json: json)
        }
        let summary = BackfillDocument(
            commitsRead: result.commitsRead, commitsSent: result.commitsSent, branchesSent: result.branchesSent,
            requests: result.requests,
            failed: result.failures.rejected, unknownIssueKeys: result.unknownIssueKeys,
            finished: result.stoppedBy == nil)
        if json {
            try Terminal.json(summary)
        } else {
            Terminal.output(
                line:
                    "backfill of \(facts.name): \(result.commitsRead) commits read, \(result.commitsSent) with issue keys sent, \(result.branchesSent) branches, \(result.requests) request(s)"
            )
        }
        if !result.unknownIssueKeys.isEmpty {
            Terminal.warning(
                "Jira does not know these issue keys (or may not show them): \(ReportWarning.list(result.unknownIssueKeys))"
            )
        }
        if let stop = result.stoppedBy {
            throw BackfillStopped(reason: stop, sent: result.commitsSent)
        }
        if !result.failures.rejected.isEmpty {
            throw JiraError.backfillEntitiesFailed(result.failures)
        }
    }
}
