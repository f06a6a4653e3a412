import ArgumentParser
import JiraCI

/// Where Jira is, who jira-ci is there, and how requests are made: every command that talks to Jira takes these.
struct JiraOptions: ParsableArguments {
    @OptionGroup(title: "Jira and credentials") var target: TargetOptions
    @OptionGroup(title: "Jira and credentials") var credentials: CredentialOptions
    @OptionGroup(title: "Network and delivery") var network: NetworkOptions
}
