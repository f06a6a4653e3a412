/// A link jira-ci puts into a payload (`--build-url`, `--pipeline-url`, `--environment-url`): Jira shows it
/// as a link, so it must be an absolute http(s) URL, and it must not carry credentials to everyone who sees it.
public struct WebURL: SettingValue, Equatable {
    public let text: String

    public static func parse(_ text: String) throws(ValueError) -> WebURL {
        let trimmed = text.trimmed
        guard let parsed = ParsedURL(trimmed) else {
            throw ValueError(expected: "an absolute http(s) URL like https://ci.example.com/job/shop/42/")
        }
        guard !parsed.hasCredentials else {
            throw ValueError(
                expected: "a URL without a user or password in it (Jira shows it to everyone)",
                shownInput: URLCredentials.masked(trimmed))
        }
        return WebURL(text: trimmed)
    }
}
