/// Which project parts count as issue keys, beyond the syntax itself.
public struct IssueKeyRules: Sendable, Equatable {
    /// Project parts that look like keys in ordinary prose and never are (`CVE-2021-44228`, `UTF-8`, `SHA-256`).
    public static let defaultIgnoredPrefixes: [String] = [
        "CVE", "CWE", "GHSA", "UTF", "UCS", "ISO", "RFC", "SHA", "MD", "HMAC", "AES", "RSA", "TLS", "SSL",
        "HTTP", "JDK", "JSR", "PEP", "X86", "LATIN", "WINDOWS", "SHA3",
    ]

    /// Upper-cased project keys; empty means "every project".
    public let allowedProjects: Set<String>
    /// Upper-cased project parts that are never keys (unless allow-listed).
    public let ignoredPrefixes: Set<String>

    public init(allowedProjects: [String] = [], extraIgnoredPrefixes: [String] = []) {
        self.allowedProjects = Set(allowedProjects.map { $0.uppercased() })
        self.ignoredPrefixes = Set((Self.defaultIgnoredPrefixes + extraIgnoredPrefixes).map { $0.uppercased() })
    }

    /// The same rules with `projects` as the allow-list.
    public func allowing(_ projects: [String]) -> IssueKeyRules {
        IssueKeyRules(allowedProjects: Set(projects.map { $0.uppercased() }), ignoredPrefixes: ignoredPrefixes)
    }

    /// With an allow-list, its projects match in any letter case everywhere; that is the point of naming them.
    var matchesAnyCaseForAllowedProjects: Bool { !allowedProjects.isEmpty }

    func accepts(project: String) -> Bool {
        if !allowedProjects.isEmpty { return allowedProjects.contains(project) }
        return !ignoredPrefixes.contains(project)
    }
}
