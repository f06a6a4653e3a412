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
            throw ValueError(expected: "a URL without a user or password in it (Jira shows it to everyone)", shownInput: URLCredentials.masked(trimmed))
        }
        return WebURL(text: trimmed)
    }
}

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
            throw ValueError(expected: "an http(s) URL like https://acme.atlassian.net or https://jira.example.com/jira",
                             shownInput: URLCredentials.masked(trimmed))
        }
        guard !parsed.hasCredentials else {
            throw ValueError(expected: "a URL without credentials: put the user in JIRA_USER and the password in JIRA_PASSWORD (or use JIRA_PAT)",
                             shownInput: URLCredentials.masked(trimmed))
        }
        return SiteURL(text: trimmed, parsed: parsed)
    }
}

public enum URLCredentials {
    /// `https://bob:pw@host/x` → `https://***@host/x`: for messages about a URL that must not echo a password.
    public static func masked(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return url[..<scheme.upperBound] + "***" + rest[at...]
    }
}
