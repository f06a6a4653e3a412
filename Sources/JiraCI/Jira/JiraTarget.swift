/// Where a report goes: resolved once from flags and environment.
public struct JiraTarget: Sendable, Equatable, Hashable, Codable {
    /// Declared with `--api-url`.
    public static var defaultAPIURL: String { Variable.apiURL.declaration.defaultValue ?? "https://api.atlassian.com" }

    public var flavor: JiraFlavor
    /// Jira Cloud: the site root; Jira Server: the base URL with any context path. No trailing slash.
    public var siteURL: String?
    public var cloudId: String?
    public var apiURL: String

    public init(
        flavor: JiraFlavor, siteURL: String? = nil, cloudId: String? = nil, apiURL: String = JiraTarget.defaultAPIURL
    ) {
        self.flavor = flavor
        self.siteURL = siteURL.map(Self.withoutTrailingSlash)
        self.cloudId = cloudId
        self.apiURL = Self.withoutTrailingSlash(apiURL)
    }

    /// Atlassian-hosted sites: `acme.atlassian.net` (and the older `*.jira.com`), in any case, with or without
    /// the root's trailing dot (`acme.atlassian.net.` is the same host to DNS).
    public static func isCloudHost(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        return name.hasSuffix(".atlassian.net") || name.hasSuffix(".jira.com")
    }

    /// A Cloud site is its root: a URL copied from the browser (`/jira/software/projects/X`) means the site.
    public static func siteRoot(_ site: SiteURL) -> String {
        isCloudHost(site.parsed.host) ? site.parsed.origin : site.text
    }

    static func withoutTrailingSlash(_ url: String) -> String {
        var url = url.trimmed
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
