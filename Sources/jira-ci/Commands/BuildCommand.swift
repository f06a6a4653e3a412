import ArgumentParser
import JiraCI

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Report a build to the issues its git data names.")

    @OptionGroup var build: BuildOptions
    @OptionGroup var keySource: KeySourceOptions
    @OptionGroup var pipeline: PipelineOptions
    @OptionGroup var target: TargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let source = SettingsSource.current()
        let report = ReportRunner(source: source, keySource: keySource, pipeline: pipeline, target: target, connection: connection, output: output)
        try await report.run(.build(build.settings(source)))
    }
}
