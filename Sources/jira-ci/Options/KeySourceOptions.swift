import ArgumentParser
import JiraCI

/// Where issue keys come from; every command that finds keys takes these.
struct KeySourceOptions: ParsableArguments {
    @Option(help: .help("A work tree or bare repository (default: .).", .repo))
    var repo: String?

    @Option(help: .help("The commit that was built or deployed (default: HEAD).", .commit))
    var commit: String?

    @Option(help: .help("Branch name to scan (default: the current branch; none when detached).", .branch))
    var branch: String?

    @Option(help: .help("Also scan every commit reachable from --commit but not from this one.", .since))
    var since: String?

    @Option(help: .help("Stop scanning after this many commits, newest first (default: 1000).", .maxCommits))
    var maxCommits: Int?

    @Option(help: .help("A pull request title to scan.", .prTitle))
    var prTitle: String?

    @Option(name: .customLong("issue"), help: .help("An issue key to include (repeatable; env: comma-separated).", .issues))
    var issues: [String] = []

    @Option(name: .customLong("project"), help: .help("Only keys of this project count, in any case (repeatable).", .projects))
    var projects: [String] = []

    @Option(name: .customLong("ignore-prefix"), help: .help("A project part that is never a key (repeatable; adds to the defaults).", .ignorePrefixes))
    var ignorePrefixes: [String] = []

    @Flag(help: "Read `<old> <new> <ref>` lines of a git post-receive hook from stdin and report once per updated branch; implies --soft-fail, a 10 s timeout and 1 retry unless set.")
    var hookStdin = false

    func keySearch(_ source: SettingsSource) throws -> KeySearch {
        var explicit: [String] = []
        for raw in source.list(issues, .issues) {
            guard let key = IssueKeyFormat.normalized(raw) else {
                throw ConfigurationError.invalid(.issues, value: raw, expected: "an issue key like ABC-123")
            }
            explicit.append(key)
        }
        let projectKeys = source.list(projects, .projects)
        for project in projectKeys where !IssueKeyFormat.isProjectKey(project) {
            throw ConfigurationError.invalid(.projects, value: project, expected: "a project key like ABC")
        }
        let maxCommits = try source.integer(self.maxCommits, .maxCommits) ?? 1000
        guard maxCommits >= 1, maxCommits <= Int64(Int32.max) else {
            throw ConfigurationError.invalid(.maxCommits, value: String(maxCommits), expected: "a number of commits, 1 or more")
        }
        var search = KeySearch(
            repositoryPath: source.string(repo, .repo) ?? ".",
            commit: source.string(commit, .commit) ?? "HEAD",
            branch: source.string(branch, .branch),
            since: source.string(since, .since),
            maxCommits: Int(maxCommits),
            prTitle: source.string(prTitle, .prTitle),
            explicitKeys: explicit,
            rules: IssueKeyRules(allowedProjects: projectKeys, extraIgnoredPrefixes: source.list(ignorePrefixes, .ignorePrefixes)))
        // In a CI without a previous successful commit (a branch's first build), compare with the default branch.
        if source.detected != nil { search.newBranchBase = .defaultBranch }
        return search
    }
}

/// How results are printed; every command takes these.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print machine-readable JSON on stdout.")
    var json = false

    @Flag(help: .help("Fail with exit code 7 when no issue key is found.", .requireKeys))
    var requireKeys = false
}
