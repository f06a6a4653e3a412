import CCurl

/// An absolute http(s) URL as libcurl itself parses it, so what jira-ci checks (the scheme, the host it will
/// connect to, credentials in it) is what libcurl will use. `http://evil.example.com#@127.0.0.1/` has the host
/// `evil.example.com` here, as it has for libcurl.
public struct ParsedURL: Sendable, Equatable {
    /// Lower-case `http` or `https`.
    public let scheme: String
    /// Lower-case; IPv4 in dotted decimal (libcurl normalizes `127.1` and `0x7f.1`); IPv6 in brackets.
    public let host: String
    public let port: Int?
    /// Starts with `/`.
    public let path: String
    public let query: String?
    /// A user or password inside the URL (`https://bob:pw@host`).
    public let hasCredentials: Bool

    public init?(_ text: String) {
        guard let handle = CurlURL(text) else { return nil }
        self.init(handle)
    }

    init?(_ handle: CurlURL) {
        guard let scheme = handle.part(CURLUPART_SCHEME)?.lowercased(), scheme == "http" || scheme == "https",
            let host = handle.part(CURLUPART_HOST)?.lowercased(), !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host
        port = handle.part(CURLUPART_PORT).flatMap { Int($0) }
        path = handle.part(CURLUPART_PATH) ?? "/"
        query = handle.part(CURLUPART_QUERY)
        hasCredentials = handle.part(CURLUPART_USER) != nil || handle.part(CURLUPART_PASSWORD) != nil
    }

    /// `localhost`, an IPv4 address in 127.0.0.0/8, or `[::1]`; nothing a resolver decides (`jira.localhost`).
    public var isLoopback: Bool {
        if host == "localhost" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127"
            && octets.allSatisfy {
                !$0.isEmpty && $0.count <= 3 && $0.utf8.allSatisfy(ASCII.isDigit) && Int($0)! <= 255
            }
    }

    /// Where plain http would carry credentials over the network unencrypted.
    public func isInsecure(allowingHTTP allowed: Bool) -> Bool {
        scheme == "http" && !isLoopback && !allowed
    }

    /// `scheme://host[:port]`, for messages that must not echo paths or queries.
    public var origin: String {
        "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }
}
