import JiraCI

/// One build or deployment: plan it, then preview it or send it.
struct ReportRunner {
    let settings: RunSettings
    let json: Bool

    func run(_ kind: ReportKind) async throws {
        let plan = try await ReportPlanner(
            factory: PayloadFactory(updateSequence: UpdateSequence().next), target: settings.target, credential: settings.credential
        ).plan(kind, search: settings.search, pipeline: settings.pipeline, requireURL: !settings.dryRun)
        plan.warnings.forEach { Terminal.warning($0.description) }
        guard let report = plan.report, !settings.requireKeys || !report.entity.issueKeys.isEmpty else {
            if settings.requireKeys { throw NoKeysFound(where: "the git data") }
            if settings.dryRun && json { try Terminal.json(try DryRunView.Output(requests: [])) }
            return
        }
        if settings.dryRun {
            let requests = try settings.delivery().preview([report])
            if json {
                try Terminal.json(try DryRunView.Output(requests: requests))
            } else {
                let sections = [KeysTable.render(plan.discovery), ["Sends: \(DryRunView.identity(report))"]]
                Terminal.output(try DryRunView.lines(target: settings.target, sections: sections, requests: requests))
            }
            return
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
}
