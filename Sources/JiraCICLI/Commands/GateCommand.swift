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
        try await GateRunner(
            environment: environment, keySource: keySource, pipeline: pipeline, jira: jira, output: output, wait: wait,
            poll: poll
        ).run()
    }
}
