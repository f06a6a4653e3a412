import ArgumentParser
import JiraCI

/// Everything `build` and `deploy` share.
struct ReportCommandOptions: ParsableArguments {
    @OptionGroup(title: "Keys") var keySource: KeySourceOptions
    @OptionGroup(title: "Report") var pipeline: PipelineOptions
    @OptionGroup var jira: JiraOptions
    @OptionGroup(title: "Git hooks") var hook: HookOptions
    @OptionGroup(title: "Output") var output: OutputOptions
}
