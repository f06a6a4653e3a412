import JiraCI

/// One build or deployment: plan it, then preview it or send it.
struct ReportRunner {
    let settings: RunSettings
    let json: Bool
    let planner: ReportPlanner

    init(settings: RunSettings, json: Bool) {
        self.settings = settings
        self.json = json
        planner = ReportPlanner(
            factory: PayloadFactory(updateSequence: UpdateSequence().next), target: settings.target,
            credential: settings.credential)
    }

    func run(_ kind: ReportKind) async throws {
        let plan = try await planner.plan(
            kind, search: settings.search, pipeline: settings.pipeline, requireURL: !settings.dryRun)
        for warning in plan.warnings { Terminal.warning(warning.description) }
        guard let report = plan.report, !settings.requireKeys || !report.entity.issueKeys.isEmpty else {
            if settings.requireKeys { throw NoKeysFound(where: "the git data") }
            if settings.dryRun && json { try DryRunView.show([], target: settings.target, json: true) }
            return
        }
        if settings.dryRun {
            let sections = [KeysTable.render(plan.discovery), ["Sends: \(DryRunView.identity(report))"]]
            return try DryRunView.show(
                try settings.delivery().preview([report]), target: settings.target, sections: sections, json: json)
        }
        let sender = ReportSender(settings: settings, json: json)
        let result: Dispatcher.Result
        do {
            result = try await sender.dispatch([report])
        } catch {
            try sender.soften(error)
            return
        }
        try sender.finish([report], result)
    }

    /// One pushed branch of a hook: its new commits (a new branch: those the repository did not have), the keys
    /// of its name, and, from a Bitbucket Server hook, a link to the pushed commit. A deleted branch has no build.
    func branch(_ kind: ReportKind, update: HookUpdate, baseline: [String], environment: [String: String]) async throws
        -> PushRunner.BranchPlan
    {
        guard let newCommit = update.newCommit else { return PushRunner.BranchPlan(reports: [], warnings: []) }
        var search = settings.search
        search.commit = newCommit
        search.branch = update.branch
        search.since = update.oldCommit
        search.sinceTag = nil
        search.newBranchBase = update.oldCommit == nil ? .notReachableFrom(baseline) : .none
        var pipeline = settings.pipeline
        if pipeline.buildURL == nil {
            pipeline.buildURL = HookUpdate.bitbucketCommitURL(environment, commit: newCommit)
        }
        let plan = try await planner.plan(kind, search: search, pipeline: pipeline, requireURL: !settings.dryRun)
        return PushRunner.BranchPlan(
            reports: plan.report.map { [$0] } ?? [], warnings: plan.warnings.filter { $0 != .noKeys }.map(\.description)
        )
    }
}
