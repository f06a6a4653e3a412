import JiraCI

/// The one path every report takes: resolve settings, plan, then preview or send, then explain the outcome.
struct ReportRunner {
    let source: SettingsSource
    let keySource: KeySourceOptions
    let pipeline: PipelineOptions
    let target: TargetOptions
    let connection: ConnectionOptions
    let output: OutputOptions

    func run(_ kind: ReportKind) async throws {
        let search = try keySource.keySearch(source)
        let pipelineSettings = try pipeline.settings(source)
        let dryRun = try source.flag(target.dryRun, .dryRun)
        let hook = keySource.hookStdin
        let jira = try target.target(source, hasClientId: connection.hasClientId(source), apiURL: connection.apiURL(source))
        // Credentials are checked before any work, but a dry run needs none.
        let credentials = dryRun ? JiraCredentials() : try connection.credentials(source)
        let reporter = try JiraConnection.reporter(
            target: jira, credentials: credentials, settings: connection.settings(source, hook: hook), dryRun: dryRun,
            options: ServerReportOptions(comment: try source.flag(connection.comment, .comment)))
        // One sequence per run: every report of it, hook updates included, gets a strictly greater number.
        let planner = ReportPlanner(factory: PayloadFactory(updateSequence: UpdateSequence().next))
        guard hook else {
            return try await report(kind, search: search, pipeline: pipelineSettings, jira: jira, reporter: reporter, planner: planner, dryRun: dryRun)
        }
        // A hook must never fail or hold up the push: every update is reported on its own, failures become
        // warnings, and after a minute the remaining updates are skipped.
        let deadline = Clock.microsecondsSinceEpoch() + 60_000_000
        while let line = readLine() {
            guard let update = HookUpdate(line: line) else { continue }
            guard Clock.microsecondsSinceEpoch() < deadline else {
                Terminal.warning("\(update.branch): not reported, the hook has run for a minute already")
                continue
            }
            var updateSearch = search
            updateSearch.commit = update.newCommit
            updateSearch.branch = update.branch
            updateSearch.since = update.oldCommit
            updateSearch.newBranchBase = update.oldCommit == nil ? .otherBranches : .none
            var updatePipeline = pipelineSettings
            if updatePipeline.buildURL == nil {
                updatePipeline.buildURL = HookUpdate.bitbucketCommitURL(source.environment, commit: update.newCommit)
            }
            do {
                try await report(kind, search: updateSearch, pipeline: updatePipeline, jira: jira, reporter: reporter, planner: planner, dryRun: dryRun, softFail: true)
            } catch {
                Terminal.warning("\(update.branch): \(Failure(error).message) (hook: not failing the push)")
            }
        }
    }

    private func report(
        _ kind: ReportKind, search: KeySearch, pipeline pipelineSettings: PipelineSettings, jira: JiraTarget,
        reporter: any JiraReporter, planner: ReportPlanner, dryRun: Bool, softFail forced: Bool = false
    ) async throws {
        let requireKeys = try source.flag(output.requireKeys, .requireKeys)
        let softFail = try forced || connection.isSoftFail(source)
        let plan = try await planner.plan(kind, search: search, pipeline: pipelineSettings, requireURL: !dryRun)
        plan.warnings.forEach { Terminal.warning($0.description) }

        guard let subject = plan.subject else {
            if requireKeys { throw NoKeysFound(where: "the git data") }
            if dryRun && output.json { Terminal.output(try DryRunView.json(requests: [])) }
            return
        }
        if dryRun {
            let requests = try reporter.preview(subject)
            Terminal.output(output.json ? try DryRunView.json(requests: requests) : try DryRunView.text(plan: plan, target: jira, requests: requests))
            return
        }
        do {
            let outcome = try await reporter.report(subject)
            if output.json {
                Terminal.output(try JSON.string(outcome, pretty: true))
            } else if case let text = OutcomeView.text(outcome, entity: subject.entity), !text.isEmpty {
                Terminal.output(text)
            }
            if !outcome.unknownIssueKeys.isEmpty {
                Terminal.warning("Jira does not know these issue keys (or may not show them): \(outcome.unknownIssueKeys.joined(separator: ", "))")
            }
            // Some issues failing is a warning; nothing accepted at all means the report did not land.
            if outcome.accepted.isEmpty {
                let reason = outcome.rejected.isEmpty ? "none of its issues exist or are visible" : outcome.rejectionSummary
                throw JiraError.rejected("Jira did not accept the \(subject.entity.noun): \(reason)")
            }
            if !outcome.rejected.isEmpty {
                Terminal.warning("some issues were not updated: \(outcome.rejectionSummary)")
            }
        } catch where softFail && Failure(error).status != .usage {
            Terminal.warning("\(Failure(error).message) (--soft-fail: exiting 0)")
        }
    }
}

extension ReportEntity {
    var noun: String {
        switch self {
        case .build(let build): "build \(build.displayName)"
        case .deployment(let deployment): "deployment \(deployment.deploymentSequenceNumber) to \(deployment.environment.displayName)"
        }
    }
}
