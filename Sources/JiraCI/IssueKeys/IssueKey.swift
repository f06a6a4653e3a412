/// An issue key as `--issue` takes it, upper-cased.
public struct IssueKey: SettingValue, Equatable {
    public let text: String

    public static func parse(_ text: String) throws(ValueError) -> IssueKey {
        guard let key = IssueKeyFormat.normalized(text.trimmed) else {
            throw ValueError(expected: "an issue key like ABC-123")
        }
        return IssueKey(text: key)
    }
}
