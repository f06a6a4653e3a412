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
    /// Every `scheme://user:password@` in a text (a message quoting what the user typed, a trace) with the
    /// user and password masked: a password inside a URL is never shown, whoever quotes it.
    public static func scrubbed(_ text: [UInt8]) -> [UInt8] {
        let marker = Array("://".utf8)
        var output: [UInt8] = []
        var index = 0
        var copied = 0
        while index + marker.count <= text.count {
            guard text[index] == marker[0], text[index + 1] == marker[1], text[index + 2] == marker[2] else {
                index += 1
                continue
            }
            let start = index + marker.count
            var end = start
            while end < text.count, !ends(text[end]) { end += 1 }
            if let at = text[start..<end].lastIndex(of: UInt8(ascii: "@")), at > start {
                output.append(contentsOf: text[copied..<start])
                output.append(contentsOf: Array("***".utf8))
                copied = at
            }
            index = max(end, start)
        }
        guard copied > 0 else { return text }
        return output + text[copied...]
    }

    /// What ends a URL quoted in prose: space, a quote, an angle bracket, a control character.
    private static func ends(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "`")
    }

    /// `https://bob:pw@host/x` → `https://***@host/x`: for messages about a URL that must not echo a password.
    /// Everything up to the last `@` is masked, since a password may hold `/`, `?` or `#` (which is also why
    /// libcurl may refuse such a URL at all).
    public static func masked(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@") else { return url }
        let start = url.firstRange(of: "://")?.upperBound ?? url.startIndex
        guard start <= at else { return "***" + url[at...] }
        return url[..<start] + "***" + url[at...]
    }
}
