import ArgumentParser
import JiraCI

/// Where issue keys come from; every command that finds keys takes these.
struct KeySourceOptions: ParsableArguments {
    @Option(.repo, completion: .directory)
    var repo: String?

    @Option(.repositoryURL, as: WebURL.self)
    var repositoryURL: WebURL?

    @Option(.commit)
    var commit: String?

    @Option(.branch)
    var branch: String?

    @Option(.since)
    var since: String?

    @Option(.sinceTag)
    var sinceTag: String?

    @Option(.maxCommits, as: CommitLimit.self)
    var maxCommits: CommitLimit?

    @Option(.prTitle)
    var prTitle: String?

    @Option(.issues, as: IssueKey.self)
    var issues: [IssueKey] = []

    @Option(.projects, as: ProjectKey.self)
    var projects: [ProjectKey] = []

    @Option(.ignorePrefixes)
    var ignorePrefixes: [String] = []

    func keySearch(_ source: SettingsSource) throws -> KeySearch {
        var search = KeySearch(
            repositoryPath: source.stringOrDefault(repo, .repo),
            commit: source.stringOrDefault(commit, .commit),
            branch: source.string(branch, .branch),
            since: source.string(since, .since),
            maxCommits: try source.valueOrDefault(maxCommits, .maxCommits).value,
            prTitle: source.string(prTitle, .prTitle),
            explicitKeys: try source.values(issues, .issues).map(\.text),
            rules: IssueKeyRules(
                allowedProjects: try source.values(projects, .projects).filter { $0 != .automatic }.map(\.text),
                extraIgnoredPrefixes: source.list(ignorePrefixes, .ignorePrefixes)))
        search.repositoryURL = try source.value(repositoryURL, .repositoryURL)?.text
        search.repositoryIsNamed = source.string(repo, .repo) != nil
        if let pattern = source.string(sinceTag, .sinceTag) {
            // The CI's previous successful commit gives way to the tag asked for; a --since asked for conflicts.
            if let (_, origin) = source.resolved(since, .since), !origin.isDetected {
                throw ConfigurationError.conflicting(.since, .sinceTag)
            }
            guard !pattern.hasPrefix("-"), Secret(pattern).isHeaderSafe else {
                throw ConfigurationError.invalid(
                    .sinceTag, value: TerminalText.oneLine(pattern), expected: "expected a tag pattern like 'v*'")
            }
            (search.since, search.sinceTag) = (nil, pattern)
        }
        // In a CI without a previous successful commit (a branch's first build), compare with the default branch.
        if source.detected != nil { search.newBranchBase = .defaultBranch }
        return search
    }
}

extension KeySourceOptions {
    /// `--project auto` (or `JIRA_CI_PROJECTS=auto`).
    func wantsAutomaticProjects(_ source: SettingsSource) throws -> Bool {
        try source.values(projects, .projects).contains(.automatic)
    }
}
