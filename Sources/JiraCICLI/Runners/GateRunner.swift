import JiraCI

/// `gate`: asks Jira Service Management for a deployment's gating decision until it comes or the wait is over.
struct GateRunner {
    let environment: EnvironmentOptions
    let keySource: KeySourceOptions
    let pipeline: PipelineOptions
    let jira: JiraOptions
    let output: OutputOptions
    let wait: GateWait?
    let poll: PollInterval?

    func run() async throws {
        let source = SettingsSource.current()
        let wait = try source.valueOrDefault(self.wait, .gateWait).seconds
        let poll = try source.valueOrDefault(self.poll, .gatePoll).seconds
        let deployment = try environment.settings(source, state: .unknown)
        let settings = try RunSettings.resolve(
            source, keySource: keySource, pipeline: pipeline, jira: jira, output: output)
        let json = try output.isJSON(source)
        guard settings.target.flavor == .cloud else {
            throw ConfigurationError.cloudOnly(feature: "deployment gating")
        }
        let identity = try await PipelineIdentity.resolve(settings.pipeline, search: settings.search)
        let number = deployment.deploymentNumber ?? identity.buildNumber
        if settings.dryRun {
            let request = GatingPoller.preview(
                target: settings.target, pipelineId: identity.pipelineId,
                environmentId: deployment.resolvedEnvironmentId, deploymentNumber: number)
            let asks = "Asks every \(Interval.format(poll)) for up to \(Interval.format(wait)):"
            return try DryRunView.show([request], target: settings.target, sections: [[asks]], json: json)
        }
        let session = try JiraConnection.cloudSession(
            target: settings.target, credentials: settings.credentials, settings: settings.connection)
        let poller = GatingPoller(
            session: session, pipelineId: identity.pipelineId, environmentId: deployment.resolvedEnvironmentId,
            deploymentNumber: number)
        let result: GatingResult
        do {
            result = try poller.poll(wait: wait, every: poll) { status in
                Terminal.warning(
                    "gating status: \(status.status.rawValue)"
                        + (status.taskKey.map { " (change request \($0))" } ?? ""))
            }
        } catch let error where FailureClass(error) == .transient {
            throw GateError.notPassed("cannot get the gate's decision, so it does not pass: \(error)")
        }
        if json {
            try Terminal.json(result)
        } else {
            Terminal.output(GateView.lines(result))
        }
        guard result.status == .allowed else {
            throw GateError.notPassed(
                result.status == .awaiting
                    ? "Jira had not decided within \(Interval.format(wait))"
                    : "the deployment gate answered \(result.status.rawValue)")
        }
    }
}
