import ArgumentParser
import JiraCI

/// Where issue keys come from; every command that finds keys takes these.
struct KeySourceOptions: ParsableArguments {
    @Option(help: .help("A work tree or bare repository (default: .).", .repo), completion: .directory)
    var repo: String?

    @Option(of: WebURL.self, help: .help("The repository's web address, when git has no remote to tell it (a plain git server).", .repositoryURL))
    var repositoryURL: WebURL?

    @Option(help: .help("The commit that was built or deployed (default: HEAD).", .commit))
    var commit: String?

    @Option(help: .help("Branch name to scan (default: the current branch; none when detached).", .branch))
    var branch: String?

    @Option(help: .help("Also scan every commit reachable from --commit but not from this one.", .since))
    var since: String?

    @Option(help: .help("Scan every commit since the newest tag matching this pattern before --commit, e.g. 'v*' (a release's keys).", .sinceTag))
    var sinceTag: String?

    @Option(of: CommitLimit.self, help: .help("Stop scanning after this many commits, newest first (default: 1000).", .maxCommits))
    var maxCommits: CommitLimit?

    @Option(help: .help("A pull request title to scan.", .prTitle))
    var prTitle: String?

    @Option(of: IssueKey.self, name: .customLong("issue"), help: .help("An issue key to include (repeatable; env: comma-separated).", .issues))
    var issues: [IssueKey] = []

    @Option(of: ProjectKey.self, name: .customLong("project"), help: .help("Only keys of this project count, in any case (repeatable).", .projects))
    var projects: [ProjectKey] = []

    @Option(name: .customLong("ignore-prefix"), help: .help("A project part that is never a key (repeatable; adds to the defaults).", .ignorePrefixes))
    var ignorePrefixes: [String] = []

    func keySearch(_ source: SettingsSource) throws -> KeySearch {
        var search = KeySearch(
            repositoryPath: source.string(repo, .repo) ?? ".",
            commit: source.string(commit, .commit) ?? "HEAD",
            branch: source.string(branch, .branch),
            since: source.string(since, .since),
            maxCommits: try source.value(maxCommits, .maxCommits)?.value ?? 1000,
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
                throw ConfigurationError.conflict("\(Variable.since.bothNames) and \(Variable.sinceTag.bothNames) both say where the range starts; give one")
            }
            guard !pattern.hasPrefix("-"), Secret(pattern).isHeaderSafe else {
                throw ConfigurationError.invalid(.sinceTag, value: TerminalText.oneLine(pattern), expected: "expected a tag pattern like 'v*'")
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

/// How results are printed; every command takes these.
struct OutputOptions: ParsableArguments {
    @Flag(help: .help("Print machine-readable JSON on stdout.", .json))
    var json = false

    @Flag(help: .help("Fail with exit code 7 when no issue key is found.", .requireKeys))
    var requireKeys = false

    func isJSON(_ source: SettingsSource) throws -> Bool {
        try source.flag(json, .json)
    }
}
