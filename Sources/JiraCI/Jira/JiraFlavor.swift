/// Which kind of Jira a report goes to. The raw values are the `--flavor` words.
public enum JiraFlavor: String, Sendable, CaseIterable, Codable, SettingValue {
    case cloud
    case server

    public static var valueWords: [String] { allCases.map(\.rawValue) }

    public static func parse(_ text: String) throws(ValueError) -> JiraFlavor {
        guard let flavor = JiraFlavor(rawValue: text.trimmed.lowercased()) else {
            throw ValueError(
                expected: "cloud or server", suggestion: Suggestion.nearest(to: text.trimmed, in: valueWords))
        }
        return flavor
    }
}
