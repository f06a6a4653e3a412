/// The Jira site (`--jira-url`) or the Atlassian API host (`--api-url`): an http(s) URL without credentials,
/// which would otherwise be printed and sent as basic auth.
public struct SiteURL: SettingValue, Equatable {
    /// Without a trailing slash.
    public let text: String
    public let parsed: ParsedURL

    public static func parse(_ text: String) throws(ValueError) -> SiteURL {
        var trimmed = text.trimmed
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let parsed = ParsedURL(trimmed) else {
            throw ValueError(
                expected: "an http(s) URL like https://acme.atlassian.net or https://jira.example.com/jira",
                shownInput: URLCredentials.masked(trimmed))
        }
        guard !parsed.hasCredentials else {
            throw ValueError(
                expected:
                    "a URL without credentials: put the user in JIRA_USER and the password in JIRA_PASSWORD (or use JIRA_PAT)",
                shownInput: URLCredentials.masked(trimmed))
        }
        return SiteURL(text: trimmed, parsed: parsed)
    }
}
