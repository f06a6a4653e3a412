/// Where a repository's commits, branches and files are on the web: derived for Bitbucket Server, GitHub,
/// GitLab and Bitbucket Cloud, from templates for any other host. Templates take `{sha}`, `{branch}`, `{path}`
/// (and `{ref}`, the branch's `refs/heads/…` escaped for a query).
public struct WebLinks: Sendable, Equatable {
    public var repository: String
    public var commit: String?
    public var branch: String?
    public var file: String?
    public var createPullRequest: String?

    public init(
        repository: String, commit: String? = nil, branch: String? = nil, file: String? = nil,
        createPullRequest: String? = nil
    ) {
        self.repository = repository
        self.commit = commit
        self.branch = branch
        self.file = file
        self.createPullRequest = createPullRequest
    }

    /// Bitbucket Server / Data Center, from its hook variables (or a clone URL under `/scm/`).
    public static func bitbucketServer(base: String, project: String, slug: String) -> WebLinks {
        let repository =
            "\(JiraTarget.withoutTrailingSlash(base))/projects/\(PercentEncoding.encode(project))/repos/\(PercentEncoding.encode(slug))"
        return WebLinks(
            repository: repository, commit: "\(repository)/commits/{sha}", branch: "\(repository)/browse?at={ref}",
            file: "\(repository)/browse/{path}?at={sha}",
            createPullRequest: "\(repository)/pull-requests?create&sourceBranch={ref}")
    }

    /// What a remote's host is known to serve; for another host only the repository's own page.
    public init(location: RepositoryLocation) {
        let web = location.webURL
        switch location.flavour {
        case .github:
            self.init(
                repository: web, commit: "\(web)/commit/{sha}", branch: "\(web)/tree/{branch}",
                file: "\(web)/blob/{sha}/{path}",
                createPullRequest: "\(web)/compare/{branch}?expand=1")
        case .gitlab:
            self.init(
                repository: web, commit: "\(web)/-/commit/{sha}", branch: "\(web)/-/tree/{branch}",
                file: "\(web)/-/blob/{sha}/{path}")
        case .bitbucketCloud:
            self.init(
                repository: web, commit: "\(web)/commits/{sha}", branch: "\(web)/branch/{branch}",
                file: "\(web)/src/{sha}/{path}")
        case .bitbucketServer(let base, let project, let slug):
            self = .bitbucketServer(base: base, project: project, slug: slug)
        case .other:
            self.init(repository: web)
        }
    }

    /// Templates given by the user win over derived ones.
    public func overriding(commit: String?, branch: String?, file: String?) -> WebLinks {
        WebLinks(
            repository: repository, commit: commit ?? self.commit, branch: branch ?? self.branch,
            file: file ?? self.file, createPullRequest: createPullRequest)
    }

    /// Whether commits, branches and files link to themselves, not only to the repository.
    public var isComplete: Bool { commit != nil && branch != nil && file != nil }

    public func commitURL(_ sha: String) -> String { fill(commit, sha: sha) }
    public func branchURL(_ name: String) -> String { fill(branch, branch: name) }
    public func fileURL(sha: String, path: String) -> String { fill(file, sha: sha, path: path) }
    public func createPullRequestURL(_ branch: String) -> String? { createPullRequest.map { fill($0, branch: branch) } }

    private func fill(_ template: String?, sha: String = "", branch: String = "", path: String = "") -> String {
        guard let template else { return repository }
        return template.replacingAll("{sha}", with: PercentEncoding.encode(sha))
            .replacingAll("{branch}", with: PercentEncoding.encodePath(branch))
            .replacingAll("{ref}", with: PercentEncoding.encode("refs/heads/" + branch))
            .replacingAll("{path}", with: PercentEncoding.encodePath(path))
    }
}
