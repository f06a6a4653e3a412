import JiraCI

/// The one path every report takes: resolve settings, plan, then preview or send.
struct ReportRunner {
    let source: SettingsSource
    let keySource: KeySourceOptions
    let pipeline: PipelineOptions
    let target: TargetOptions
    let output: OutputOptions

    func run(_ kind: ReportKind) async throws {
        let search = try keySource.keySearch(source)
        let pipelineSettings = try pipeline.settings(source)
        let dryRun = try source.flag(target.dryRun, .dryRun)
        let requireKeys = try source.flag(output.requireKeys, .requireKeys)
        let jira = try target.target(source, hasClientId: false)

        let planner = ReportPlanner(factory: PayloadFactory(updateSequence: UpdateSequence().next))
        let plan = try await planner.plan(kind, search: search, pipeline: pipelineSettings, requireURL: !dryRun)
        plan.warnings.forEach { Terminal.warning($0.description) }

        guard let entity = plan.entity else {
            if requireKeys { throw NoKeysFound(where: "the git data") }
            if dryRun && output.json { Terminal.output(try DryRunView.json(requests: [])) }
            return
        }
        let requests = [try CloudEndpoints(apiURL: jira.apiURL, cloudId: jira.cloudId).request(for: entity)]
        if dryRun {
            Terminal.output(output.json ? try DryRunView.json(requests: requests) : try DryRunView.text(plan: plan, target: jira, requests: requests))
            return
        }
        throw ConfigurationError.conflict("sending to Jira is not available in this build yet; use --dry-run")
    }
}
