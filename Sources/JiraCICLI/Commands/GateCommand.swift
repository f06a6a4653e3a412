import ArgumentParser
import JiraCI

struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Wait for Jira Service Management's change-gating decision on a deployment.",
        discussion: """
            Exit 0 when allowed; 6 when prevented, expired, invalid, still awaiting when --wait runs out, when Jira \
            has no such deployment, or when Jira cannot be asked (the gate fails closed).
            Examples:
              jira-ci deploy --environment production --state pending --gate --service svc-123
              jira-ci gate --environment production --wait 30m --poll 30s
            """)

    @OptionGroup(title: "Deployment") var environment: EnvironmentOptions
    @OptionGroup(title: "Keys") var keySource: KeySourceOptions
    @OptionGroup(title: "Report") var pipeline: PipelineOptions
    @OptionGroup var jira: JiraOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    @Option(.gateWait, as: GateWait.self)
    var wait: GateWait?

    @Option(.gatePoll, as: PollInterval.self)
    var poll: PollInterval?

    func run() async throws {
        let source = SettingsSource.current()
        let wait = try source.valueOrDefault(self.wait, .gateWait).seconds
        let poll = try source.valueOrDefault(self.poll, .gatePoll).seconds
        let deployment = try environment.settings(source, state: .unknown)
        let settings = try RunSettings.resolve(
            source, keySource: keySource, pipeline: pipeline, jira: jira, output: output)
        let json = try output.isJSON(source)
        guard settings.target.flavor == .cloud else {
            throw ConfigurationError.conflict("deployment gating is a Jira Cloud feature (Jira Service Management); this site is Jira Server/Data Center")
        }
        let identity = try await PipelineIdentity.resolve(settings.pipeline, search: settings.search)
        let number = deployment.deploymentNumber ?? identity.buildNumber
        if settings.dryRun {
            let request = GatingPoller.preview(target: settings.target, pipelineId: identity.pipelineId, environmentId: deployment.resolvedEnvironmentId, deploymentNumber: number)
            let asks = "Asks every \(Interval.format(poll)) for up to \(Interval.format(wait)):"
            return try DryRunView.show([request], target: settings.target, sections: [[asks]], json: json)
        }
        let session = try JiraConnection.cloudSession(target: settings.target, credentials: settings.credentials, settings: settings.connection)
        let poller = GatingPoller(session: session, pipelineId: identity.pipelineId, environmentId: deployment.resolvedEnvironmentId, deploymentNumber: number)
        let result: GatingResult
        do {
            result = try poller.poll(wait: wait, every: poll) { status in
                Terminal.warning("gating status: \(status.status.rawValue)" + (status.taskKey.map { " (change request \($0))" } ?? ""))
            }
        } catch where FailureClass(error) == .transient {
            throw GateError.notPassed("cannot get the gate's decision, so it does not pass: \(error)")
        }
        if json {
            try Terminal.json(result)
        } else {
            Terminal.output(GateView.lines(result))
        }
        guard result.status == .allowed else {
            throw GateError.notPassed(result.status == .awaiting
                ? "Jira had not decided within \(Interval.format(wait))"
                : "the deployment gate answered \(result.status.rawValue)")
        }
    }
}

enum GateView {
    static func lines(_ result: GatingResult) -> [String] {
        var lines = ["Gating status: \(result.status.rawValue)" + (result.taskKey.map { " (\($0))" } ?? "")]
        for detail in result.details {
            let parts = ["type", "issueKey", "issueLink"].compactMap { detail[$0]?.stringValue }
            lines.append("  " + (parts.isEmpty ? detail.compactText : parts.joined(separator: " ")))
        }
        return lines
    }
}
