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
            // A file:// remote (or any other local transport) has no web page to link to.
            guard ["http", "https", "ssh", "git", "git+ssh", "ssh+git"].contains(given) else { return nil }
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
        let webURL = "\(scheme)://\(host)" + (path.isEmpty ? "" : "/\(path)")
        // Whatever a remote says, a link is an absolute http(s) URL that libcurl reads as such, or none.
        guard (try? WebURL.parse(webURL)) != nil else { return nil }
        self.host = host
        self.webURL = webURL
        self.identity = host + (path.isEmpty ? "" : "/\(path)")
    }

    /// The repository's folder-like name: the last path part.
    public var name: String {
        identity.split(separator: "/").last.map(String.init) ?? identity
    }

    public func commitURL(_ sha: String) -> String {
        WebLinks(location: self).commitURL(sha)
    }

    public func branchURL(_ branch: String) -> String {
        WebLinks(location: self).branchURL(branch)
    }

    /// The remote's path, `acme/shop`: the repository's name where no better one is known.
    public var path: String {
        identity.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? name
    }

    enum HostFlavour: Equatable {
        case github, gitlab, bitbucketCloud, other
        case bitbucketServer(base: String, project: String, slug: String)
    }

    var flavour: HostFlavour {
        if host == "github.com" || host.hasPrefix("github.") { return .github }
        if host == "gitlab.com" || host.hasPrefix("gitlab.") { return .gitlab }
        if host == "bitbucket.org" { return .bitbucketCloud }
        // Bitbucket Server clones over http(s) from `/scm/PROJECT/repo` (behind any context path).
        let parts = path.split(separator: "/").map(String.init)
        if let scm = parts.firstIndex(of: "scm"), parts.count == scm + 3 {
            let context = parts[..<scm].map { "/" + $0 }.joined()
            return .bitbucketServer(base: "https://\(host)\(context)", project: parts[scm + 1], slug: parts[scm + 2])
        }
        return .other
    }
}
