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
        plan.warnings.forEach { Terminal.warning($0.description) }
        try await send(plan.reports, nothingToSend: "no commit or branch names an issue key; nothing to send")
    }

    /// One pushed branch of a hook: the branch and its new commits, or its deletion.
    func branch(_ update: HookUpdate, baseline: [String], planner: DevInfoPlanner) async throws -> PushRunner.BranchPlan {
        let plan = try await planner.plan(update, baseline: baseline, search: settings.search)
        return PushRunner.BranchPlan(reports: plan.reports, warnings: plan.warnings.map(\.description))
    }

    private func send(_ reports: [Report], nothingToSend: String) async throws {
        guard !reports.isEmpty else {
            if settings.requireKeys { throw NoKeysFound(where: "the commits and the branch") }
            Terminal.warning(nothingToSend)
            return json && settings.dryRun ? try Terminal.json(try DryRunView.Output(requests: [])) : ()
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
                try Terminal.json(DevInfoOutput(reports: reports, results: results))
            } else {
                for (report, outcome) in zip(reports, results) {
                    if case .accepted(let outcome) = outcome { Terminal.output(OutcomeView.lines(outcome, report: report)) }
                }
            }
        }
    }

    private func preview(_ reports: [Report]) throws {
        let requests = try settings.delivery().preview(reports)
        if json {
            try Terminal.json(try DryRunView.Output(requests: requests))
        } else {
            let sections = [reports.map { "Sends: \($0.entity.noun) (\(DryRunView.identity($0)))" }]
            Terminal.output(try DryRunView.lines(target: settings.target, sections: sections, requests: requests))
        }
    }

    /// A whole history, resumable; progress on stderr when it is a terminal.
    func backfill(allBranches: Bool, stateDirectory: String?) async throws {
        let planner = planner
        let git = settings.search.git
        let head = try await git.commit(settings.search.commit, for: .commit)
        var branches: [(name: String, tip: String)]
        if allBranches {
            branches = try await git.branches()
        } else {
            var current = settings.search.branch
            if current == nil { current = try await git.currentBranch() }
            branches = current.map { [($0, head)] } ?? []
        }
        let tips = allBranches ? branches.map(\.tip).uniqued() : [head]
        var since = try await settings.search.since.asyncFlatMap { try await git.commit($0, for: .since) }
        if let pattern = settings.search.sinceTag {
            since = try await git.newestTag(matching: pattern, reachableFromParentsOf: head)?.commit
        }
        let facts = try await planner.repository()
        facts.warnings.forEach { Terminal.warning($0.description) }
        let delivery = try settings.delivery()
        let backfill = Backfill(
            planner: planner, delivery: delivery, stateDirectory: stateDirectory,
            queueKey: Report.queueKey(target: settings.target, credential: settings.credential), repositoryId: facts.id, dryRun: settings.dryRun)
        let showProgress = Terminal.isStandardErrorTerminal && !json
        let result = try await backfill.run(tips: tips, branches: branches, since: since, search: settings.search) { read, sent in
            if showProgress { Terminal.progress("backfill: \(read) commits read, \(sent) sent") }
        }
        if showProgress { Terminal.progress(nil) }
        if settings.dryRun {
            let summary = "would send \(result.commitsSent) commits with issue keys and \(result.branchesSent) branches of \(result.commitsRead) commits read, in \(result.requests) request(s); the first:"
            if json {
                try Terminal.json(try DryRunView.Output(requests: result.preview))
            } else {
                Terminal.output(try DryRunView.lines(target: settings.target, sections: [[summary]], requests: result.preview))
            }
            return
        }
        let summary = BackfillSummary(
            commitsRead: result.commitsRead, commitsSent: result.commitsSent, branchesSent: result.branchesSent, requests: result.requests,
            failed: result.failures.rejected, unknownIssueKeys: result.unknownIssueKeys, finished: result.stoppedBy == nil)
        if json {
            try Terminal.json(summary)
        } else {
            Terminal.output(line: "backfill of \(facts.name): \(result.commitsRead) commits read, \(result.commitsSent) with issue keys sent, \(result.branchesSent) branches, \(result.requests) request(s)")
        }
        if !result.unknownIssueKeys.isEmpty {
            Terminal.warning("Jira does not know these issue keys (or may not show them): \(ReportWarning.list(result.unknownIssueKeys))")
        }
        if let stop = result.stoppedBy {
            throw BackfillStopped(reason: stop, sent: result.commitsSent)
        }
        if !result.failures.rejected.isEmpty {
            throw JiraError.rejected("Jira failed entities of the backfill: " + result.failures.rejectionSummary)
        }
    }
}

/// Why a backfill stopped early, and that running it again continues.
struct BackfillStopped: Error, CustomStringConvertible {
    let reason: any Error
    let sent: Int

    var description: String { "\(reason); the backfill stopped after \(sent) commits were sent: run the same command again to continue where it stopped" }
}

/// `backfill --json`.
struct BackfillSummary: Encodable {
    let commitsRead: Int
    let commitsSent: Int
    let branchesSent: Int
    let requests: Int
    let failed: [ReportOutcome.Rejection]
    let unknownIssueKeys: [String]
    let finished: Bool
}

/// `devinfo --json`: `{"accepted":{repositoryId:{"commits":[…],"branches":[…]}},"failed":{…},"unknownIssueKeys":[…]}`.
struct DevInfoOutput: Encodable {
    struct Entities: Encodable {
        var commits: [String] = []
        var branches: [String] = []
        var deletedBranches: [String]?
    }

    struct Failure: Encodable {
        let id: String
        let errorMessages: [JSONValue]
    }

    struct Failed: Encodable {
        var commits: [Failure] = []
        var branches: [Failure] = []
        var errorMessages: [JSONValue] = []
    }

    var accepted: [String: Entities] = [:]
    var failed: [String: Failed] = [:]
    var unknownIssueKeys: [String] = []

    init(reports: [Report], results: [DeliveryResult]) {
        for result in results {
            // Jira lists what it took, also of a report whose other entities it failed.
            for taken in result.outcome?.accepted ?? [] {
                guard let repository = taken["repositoryId"]?.stringValue else { continue }
                accepted[repository, default: Entities()].commits += (taken["commits"]?.arrayValue ?? []).compactMap(\.stringValue)
                accepted[repository, default: Entities()].branches += (taken["branches"]?.arrayValue ?? []).compactMap(\.stringValue)
                if let branch = taken["deletedBranch"]?.stringValue {
                    accepted[repository, default: Entities()].deletedBranches = (accepted[repository]?.deletedBranches ?? []) + [branch]
                }
            }
            for rejection in result.outcome?.rejected ?? [] {
                guard let repository = rejection.key["repositoryId"]?.stringValue else { continue }
                if let commit = rejection.key["commit"]?.stringValue {
                    failed[repository, default: Failed()].commits.append(Failure(id: commit, errorMessages: rejection.errors))
                } else if let branch = rejection.key["branch"]?.stringValue {
                    failed[repository, default: Failed()].branches.append(Failure(id: branch, errorMessages: rejection.errors))
                } else {
                    failed[repository, default: Failed()].errorMessages += rejection.errors
                }
            }
            unknownIssueKeys = (unknownIssueKeys + (result.outcome?.unknownIssueKeys ?? [])).uniqued()
        }
    }

}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
