/// What a Bitbucket Server / Data Center hook script is told about its repository.
public struct BitbucketServerHook: Sendable, Equatable {
    /// BB_BASE_URL when it is a link base: an absolute http(s) URL without credentials. Anything else
    /// (`javascript:`, a password inside) would go into every link Jira shows, so it gives no links.
    public let base: String?
    public let project: String
    public let slug: String
    /// Why BB_BASE_URL gives no links, for a warning.
    public let baseProblem: String?

    public init?(_ environment: [String: String]) {
        guard let given = environment["BB_BASE_URL"]?.trimmed.nonEmpty,
            let project = environment["BB_PROJECT_KEY"]?.trimmed.nonEmpty,
            let slug = environment["BB_REPO_SLUG"]?.trimmed.nonEmpty
        else { return nil }
        (self.project, self.slug) = (project, slug)
        do {
            base = try WebURL.parse(given).text
            baseProblem = nil
        } catch {
            base = nil
            baseProblem =
                "BB_BASE_URL '\(URLCredentials.masked(given))' is no link base: \(error.expected); links to the Bitbucket repository are left out"
        }
    }

    public var links: WebLinks? { base.map { .bitbucketServer(base: $0, project: project, slug: slug) } }

    /// `PROJECT/slug`: how Bitbucket names the repository (its folder on disk is only a number).
    public var name: String { "\(project)/\(slug)" }
}
