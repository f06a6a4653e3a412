/// A project key as `--project` takes it, or `auto`: on Jira Server, the projects the user can see.
public struct ProjectKey: SettingValue, Equatable {
    public let text: String

    public static let automatic = ProjectKey(text: "auto")

    public static func parse(_ text: String) throws(ValueError) -> ProjectKey {
        if text.trimmed == automatic.text { return automatic }
        guard IssueKeyFormat.isProjectKey(text.trimmed) else {
            throw ValueError(expected: "a project key like ABC, or auto")
        }
        return ProjectKey(text: text.trimmed.uppercased())
    }
}
