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
        let requireKeys = try source.flag(output.requireKeys, .requireKeys)
        let softFail = try connection.isSoftFail(source)
        let jira = try target.target(source, hasClientId: connection.hasClientId(source), apiURL: connection.apiURL(source))
        // Credentials are checked before any work, but a dry run needs none.
        let credentials = dryRun ? JiraCredentials() : try connection.credentials(source)
        let settings = try connection.settings(source)
        let reporter = try JiraConnection.reporter(
            target: jira, credentials: credentials, settings: settings, dryRun: dryRun,
            options: ServerReportOptions(comment: try source.flag(connection.comment, .comment)))

        let planner = ReportPlanner(factory: PayloadFactory(updateSequence: UpdateSequence().next))
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
