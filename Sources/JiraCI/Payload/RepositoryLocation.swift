/// A git remote URL made safe and useful: credentials stripped, scp-style and ssh forms turned into web URLs,
/// and links to commits and branches for the hosts whose URL scheme is known.
public struct RepositoryLocation: Sendable, Equatable {
    /// `https://host/owner/repo`, no credentials, no `.git`.
    public let webURL: String
    /// `host/owner/repo`, lower-case host: stable whichever protocol a clone used.
    public let identity: String
    let host: String

    public init?(remoteURL raw: String) {
        var text = raw.trimmed
        guard !text.isEmpty else { return nil }
        var scheme = "https"
        if let range = text.firstRange(of: "://") {
            let given = text[..<range.lowerBound].lowercased()
            scheme = given == "http" ? "http" : "https"
            text = String(text[range.upperBound...])
        } else if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") {
            // scp-like `git@host:owner/repo.git`
            text = text[..<colon] + "/" + text[text.index(after: colon)...]
        } else {
            return nil  // a local path: nothing to link to
        }
        if let slash = text.firstIndex(of: "/"), let at = text[..<slash].lastIndex(of: "@") {
            text = String(text[text.index(after: at)...])
        } else if !text.contains("/"), let at = text.lastIndex(of: "@") {
            text = String(text[text.index(after: at)...])
        }
        var parts = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !parts.isEmpty else { return nil }
        var host = parts.removeFirst().lowercased()
        // ssh ports (`host:7999`) are not the web port.
        if scheme == "https", raw.hasPrefix("ssh://"), let colon = host.firstIndex(of: ":") {
            host = String(host[..<colon])
        }
        if var last = parts.last, last.hasSuffix(".git") {
            last.removeLast(4)
            parts[parts.count - 1] = last
        }
        if let query = parts.last?.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            parts[parts.count - 1] = String(parts[parts.count - 1][..<query])
        }
        let path = parts.joined(separator: "/")
        self.host = host
        self.webURL = "\(scheme)://\(host)" + (path.isEmpty ? "" : "/\(path)")
        self.identity = host + (path.isEmpty ? "" : "/\(path)")
    }

    /// The repository's folder-like name: the last path part.
    public var name: String {
        identity.split(separator: "/").last.map(String.init) ?? identity
    }

    public func commitURL(_ sha: String) -> String {
        switch flavour {
        case .github: "\(webURL)/commit/\(sha)"
        case .gitlab: "\(webURL)/-/commit/\(sha)"
        case .bitbucketCloud: "\(webURL)/commits/\(sha)"
        case .other: webURL
        }
    }

    public func branchURL(_ branch: String) -> String {
        let escaped = PercentEncoding.encodePath(branch)
        return switch flavour {
        case .github: "\(webURL)/tree/\(escaped)"
        case .gitlab: "\(webURL)/-/tree/\(escaped)"
        case .bitbucketCloud: "\(webURL)/branch/\(escaped)"
        case .other: webURL
        }
    }

    private enum HostFlavour { case github, gitlab, bitbucketCloud, other }

    private var flavour: HostFlavour {
        if host == "github.com" || host.hasPrefix("github.") { return .github }
        if host == "gitlab.com" || host.hasPrefix("gitlab.") { return .gitlab }
        if host == "bitbucket.org" { return .bitbucketCloud }
        return .other
    }
}

/// RFC 3986 percent-encoding. Only the unreserved set passes through; OAuth 1.0a signing relies on exactly this.
public enum PercentEncoding {
    public static func encode(_ text: String) -> String {
        encode(text, keeping: { _ in false })
    }

    /// Keeps `/` so a branch like `feature/x` stays readable in a path.
    static func encodePath(_ text: String) -> String {
        encode(text, keeping: { $0 == UInt8(ascii: "/") })
    }

    private static func encode(_ text: String, keeping extra: (UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F
                || byte == 0x7E || extra(byte)
            {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
