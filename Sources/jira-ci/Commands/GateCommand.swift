import ArgumentParser
import JiraCI

struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Wait for Jira Service Management's change-gating decision on a deployment.",
        discussion: "Exit 0 when allowed; 6 when prevented, expired, invalid, or still awaiting when --wait runs out.")

    @OptionGroup var environment: EnvironmentOptions
    @OptionGroup var keySource: KeySourceOptions
    @OptionGroup var pipeline: PipelineOptions
    @OptionGroup var target: TargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Option(help: .help("How long to wait for a decision, e.g. 30m (default: 10m).", .gateWait))
    var wait: String?

    @Option(help: .help("How often to ask, e.g. 30s (default: 30s).", .gatePoll))
    var poll: String?

    func run() async throws {
        let source = SettingsSource.current()
        let wait = try Duration.seconds(source.string(self.wait, .gateWait) ?? "10m", .gateWait)
        let poll = try Duration.seconds(source.string(self.poll, .gatePoll) ?? "30s", .gatePoll)
        let deployment = try environment.settings(source, state: .unknown)
        let search = try keySource.keySearch(source)
        let jira = try target.target(source, hasClientId: connection.hasClientId(source), apiURL: connection.apiURL(source))
        guard jira.flavor == .cloud else {
            throw ConfigurationError.conflict("deployment gating is a Jira Cloud feature (Jira Service Management); this site is Jira Server/Data Center")
        }
        let session = try JiraConnection.cloudSession(target: jira, credentials: connection.credentials(source), settings: connection.settings(source))
        let identity = try await PipelineIdentity.resolve(try pipeline.settings(source), repositoryPath: search.repositoryPath, commit: search.commit)
        let poller = GatingPoller(
            session: session, pipelineId: identity.pipelineId, environmentId: deployment.resolvedEnvironmentId,
            deploymentNumber: deployment.deploymentNumber ?? identity.buildNumber)
        let result = try poller.poll(wait: wait, every: poll) { status in
            Terminal.warning("gating status: \(status.status.rawValue)" + (status.taskKey.map { " (change request \($0))" } ?? ""))
        }
        Terminal.output(output.json ? try JSON.string(result, pretty: true) : GateView.text(result))
        guard result.status == .allowed else {
            let reason = result.status == .awaiting ? "Jira had not decided within \(source.string(self.wait, .gateWait) ?? "10m")" : "the deployment gate answered \(result.status.rawValue)"
            Terminal.error(reason)
            throw QuietExit(status: .gateNotPassed)
        }
    }
}

enum GateView {
    static func text(_ result: GatingResult) -> String {
        var lines = ["Gating status: \(result.status.rawValue)" + (result.taskKey.map { " (\($0))" } ?? "")]
        for detail in result.details {
            let parts = ["type", "issueKey", "issueLink"].compactMap { detail[$0]?.stringValue }
            lines.append("  " + (parts.isEmpty ? ((try? JSON.string(detail)) ?? "") : parts.joined(separator: " ")))
        }
        return lines.joined(separator: "\n")
    }
}

/// `90`, `90s`, `10m`, `1h`, `1h30m`: durations as CI configuration writes them.
enum Duration {
    static func seconds(_ text: String, _ variable: Variable) throws -> Double {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        var total = 0.0
        var number = ""
        for character in text.lowercased() where character != " " {
            if character.isNumber || character == "." {
                number.append(character)
            } else if let unit = units[character], let value = Double(number) {
                total += value * unit
                number = ""
            } else {
                throw ConfigurationError.invalid(variable, value: text, expected: "a duration like 90s, 10m or 1h")
            }
        }
        if !number.isEmpty {
            guard let value = Double(number) else { throw ConfigurationError.invalid(variable, value: text, expected: "a duration like 90s, 10m or 1h") }
            total += value
        }
        guard !text.isEmpty else { throw ConfigurationError.invalid(variable, value: text, expected: "a duration like 90s, 10m or 1h") }
        return total
    }
}
