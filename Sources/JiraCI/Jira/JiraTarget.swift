/// Which kind of Jira a report goes to. The raw values are the `--flavor` words.
public enum JiraFlavor: String, Sendable, CaseIterable {
    case cloud
    case server
}

/// One HTTP request as it will be (or, in a dry run, would be) sent. Bodies are JSON.
public struct PreparedRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var body: [UInt8]?

    public init(method: String, url: String, body: [UInt8]?) {
        self.method = method
        self.url = url
        self.body = body
    }
}

/// Where a report goes: resolved once from flags and environment.
public struct JiraTarget: Sendable, Equatable {
    public static let defaultAPIURL = "https://api.atlassian.com"

    public var flavor: JiraFlavor
    public var siteURL: String?
    public var cloudId: String?
    public var apiURL: String

    public init(flavor: JiraFlavor, siteURL: String? = nil, cloudId: String? = nil, apiURL: String = JiraTarget.defaultAPIURL) {
        self.flavor = flavor
        self.siteURL = siteURL.map(Self.withoutTrailingSlash)
        self.cloudId = cloudId
        self.apiURL = Self.withoutTrailingSlash(apiURL)
    }

    /// Cloud when the site is an Atlassian-hosted one or OAuth client credentials are given; else Server.
    public static func inferredFlavor(siteURL: String?, hasClientId: Bool) -> JiraFlavor {
        if hasClientId { return .cloud }
        guard let siteURL, let host = URLParts(siteURL)?.host else { return .cloud }
        return host.hasSuffix(".atlassian.net") || host.hasSuffix(".jira.com") ? .cloud : .server
    }

    static func withoutTrailingSlash(_ url: String) -> String {
        var url = url.trimmed
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}

/// The parts of an absolute URL jira-ci needs to reason about: scheme, host, port.
public struct URLParts: Sendable, Equatable {
    public let scheme: String
    public let host: String
    public let port: Int?
    /// Path and query, starting with `/` (or empty).
    public let rest: String

    public init?(_ url: String) {
        guard let range = url.firstRange(of: "://") else { return nil }
        scheme = url[..<range.lowerBound].lowercased()
        var authority = Substring(url[range.upperBound...])
        var rest = ""
        if let slash = authority.firstIndex(where: { $0 == "/" || $0 == "?" }) {
            rest = String(authority[slash...])
            authority = authority[..<slash]
        }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var hostPart = authority
        var port: Int?
        if hostPart.hasPrefix("["), let close = hostPart.firstIndex(of: "]") {
            let after = hostPart[hostPart.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) }
            hostPart = hostPart[hostPart.index(after: hostPart.startIndex)..<close]
        } else if let colon = hostPart.lastIndex(of: ":") {
            port = Int(hostPart[hostPart.index(after: colon)...])
            hostPart = hostPart[..<colon]
        }
        guard !hostPart.isEmpty, scheme == "http" || scheme == "https" else { return nil }
        host = hostPart.lowercased()
        self.port = port
        self.rest = rest
    }

    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.") || host.hasSuffix(".localhost")
    }
}
