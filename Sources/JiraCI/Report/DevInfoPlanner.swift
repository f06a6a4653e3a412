/// Turns git's commits and branches into development-information reports within the API's limits: commits
/// with an issue key (at most 400 a report), the branch with the keys of its name, PR title and commits.
public struct DevInfoPlanner: Sendable {
    let target: JiraTarget
    let credential: CredentialIdentity
    let settings: DevInfoSettings
    let git: GitRepository
    let rules: IssueKeyRules
    let sequence: @Sendable () -> Int64
    let now: @Sendable () -> Int64

    public init(
        target: JiraTarget, credential: CredentialIdentity, settings: DevInfoSettings, git: GitRepository,
        rules: IssueKeyRules,
        sequence: @escaping @Sendable () -> Int64,
        now: @escaping @Sendable () -> Int64 = WallClock.microsecondsSinceEpoch
    ) {
        self.target = target
        self.credential = credential
        self.settings = settings
        self.git = git
        self.rules = rules
        self.sequence = sequence
        self.now = now
    }

    public struct Plan: Sendable {
        public var repository: DevInfoRepositoryFacts
        public var reports: [Report] = []
        public var commitsScanned = 0
        public var warnings: [ReportWarning] = []
    }

    /// The repository's id, name and links.
    public func repository() async throws -> DevInfoRepositoryFacts {
        let location = (GitRepository.preferredURL(try await git.remotes()) ?? settings.repositoryURL).flatMap(
            RepositoryLocation.init(remoteURL:))
        var links = settings.bitbucket?.links ?? location.map(WebLinks.init(location:))
        links = links?.overriding(
            commit: settings.commitURLTemplate, branch: settings.branchURLTemplate, file: settings.fileURLTemplate)
        guard let links else {
            throw ConfigurationError.missing(
                .repositoryURL,
                hint:
                    "git has no remote here to tell the repository's web address (a plain git server?): give it, and --commit-url-template, --branch-url-template and --file-url-template for links to commits, branches and files"
            )
        }
        var identity = location?.identity ?? settings.bitbucket?.name
        if identity == nil { identity = try await git.folderName() }
        let name = settings.bitbucket?.name ?? location?.path ?? identity!
        var warnings: [ReportWarning] = []
        if !links.isComplete { warnings.append(.incompleteWebLinks(links.repository)) }
        return DevInfoRepositoryFacts(id: Identifiers.pathSafe(identity!), name: name, links: links, warnings: warnings)
    }

    /// CI or by hand: the commits of the range (as for `keys`), and the branch they are on.
    public func plan(_ search: KeySearch) async throws -> Plan {
        let facts = try await repository()
        let start = try await SearchStart.resolve(search, git: git)
        let (sha, branch) = (start.commitSHA, start.branch)
        let range = try await CommitRange.resolve(search, commit: sha, branch: branch, git: git)
        var plan = Plan(repository: facts, warnings: facts.warnings + range.warnings)
        var commits: [DevInfoCommit] = []
        plan.commitsScanned = try await git.forEachCommitDetail(
            from: [sha], excluding: range.excluded, limit: range.limit, rules: rules
        ) { details in
            if let commit = commit(details, links: facts.links) { commits.append(commit) }
        }
        if let warning = try await range.limitWarning(scanned: plan.commitsScanned, from: sha, git: git) {
            plan.warnings.append(warning)
        }
        var branchEntity: DevInfoBranch?
        if let branch {
            branchEntity = try await self.branch(
                branch, tip: sha, commits: commits, prTitle: search.prTitle, facts: facts)
        }
        plan.reports = reports(
            commits: commits, branch: branchEntity, facts: facts, head: sha, branchName: branch,
            commitCount: plan.commitsScanned)
        return plan
    }

    /// One pushed branch: a new branch sends the commits the repository did not have (`baseline`, see
    /// `HookUpdate.baselines`), an update its new commits, a forced push the new tip, and a deleted branch is
    /// deleted.
    public func plan(_ update: HookUpdate, baseline: [String], search: KeySearch) async throws -> Plan {
        let facts = try await repository()
        var plan = Plan(repository: facts, warnings: facts.warnings)
        guard let newCommit = update.newCommit else {
            let keys = try await deletedBranchKeys(update, search: search)
            let deletion = BranchDeletion(
                repositoryId: facts.id, repositoryName: facts.name,
                branchId: Identifiers.pathSafe(update.branch, limit: 1024),
                branchName: update.branch, issueKeys: keys, updateSequenceId: sequence())
            plan.reports = [
                report(.branchDeletion(deletion), branch: update.branch, head: update.oldCommit ?? "", facts: facts)
            ]
            return plan
        }
        var excluded: [String]
        var limit: Int? = search.maxCommits
        if let old = update.oldCommit {
            let forced = try await !git.isAncestor(old, of: newCommit)
            excluded = forced ? [] : [old]
            if forced { limit = 1 }
        } else {
            excluded = baseline
        }
        if excluded.contains(newCommit) { (excluded, limit) = ([], 1) }
        var commits: [DevInfoCommit] = []
        plan.commitsScanned = try await git.forEachCommitDetail(
            from: [newCommit], excluding: excluded, limit: limit, rules: rules
        ) { details in
            if let commit = commit(details, links: facts.links) { commits.append(commit) }
        }
        let branch = try await self.branch(
            update.branch, tip: newCommit, commits: commits, prTitle: search.prTitle, facts: facts)
        let ahead = try await commitsAhead(newCommit, otherwise: plan.commitsScanned)
        plan.reports = reports(
            commits: commits, branch: branch, facts: facts, head: newCommit, branchName: update.branch,
            commitCount: ahead)
        return plan
    }

    /// A commit entity, or nil for a commit that names no issue (the API takes none).
    func commit(_ details: CommitDetails, links: WebLinks, fallbackKeys: [String] = []) -> DevInfoCommit? {
        let keys = details.keys.isEmpty ? fallbackKeys : details.keys
        guard !keys.isEmpty else { return nil }
        let files = details.files.compactMap { file -> DevInfoCommit.File? in
            let url = links.fileURL(sha: details.sha, path: file.path)
            guard url.utf16.count <= FieldLimits.url else { return nil }
            return DevInfoCommit.File(
                path: FieldLimits.fitted(file.path, limit: FieldLimits.longText), url: url, changeType: file.change,
                linesAdded: file.linesAdded, linesRemoved: file.linesRemoved)
        }
        return DevInfoCommit(
            id: details.sha, issueKeys: Array(keys.prefix(IssueKeyCollection.keyLimit)), updateSequenceId: sequence(),
            message: FieldLimits.fitted(
                details.message.isEmpty ? "(no message)" : details.message, limit: FieldLimits.longText),
            author: .init(
                name: FieldLimits.fitted(
                    details.authorName.isEmpty ? "unknown" : details.authorName, limit: FieldLimits.text),
                email: details.authorEmail.isEmpty
                    ? nil : FieldLimits.fitted(details.authorEmail, limit: FieldLimits.text)),
            authorTimestamp: WallClock.rfc3339(seconds: details.authorTime),
            displayId: String(details.sha.prefix(7)), fileCount: min(details.fileCount, Int(Int32.max)),
            url: links.commitURL(details.sha),
            flags: details.isMerge ? ["MERGE_COMMIT"] : nil, files: files.isEmpty ? nil : files)
    }

    /// The branch entity: keys of its name, the PR title and its commits; nil when none names an issue.
    func branch(_ name: String, tip: String, commits: [DevInfoCommit], prTitle: String?, facts: DevInfoRepositoryFacts)
        async throws -> DevInfoBranch?
    {
        let scanner = IssueKeyScanner(rules: rules)
        var keys = IssueKeyCollection()
        for key in scanner.keys(in: name, letterCase: .any) {
            keys.add(key, from: KeySource(type: .branch, value: name))
        }
        for key in prTitle.map({ scanner.keys(in: $0, letterCase: .upperOnly) }) ?? [] {
            keys.add(key, from: KeySource(type: .prTitle, value: ""))
        }
        for commit in commits {
            for key in commit.issueKeys { keys.add(key, from: KeySource(type: .commit, value: commit.id)) }
        }
        guard !keys.isEmpty else { return nil }
        var tipCommit = commits.first { $0.id == tip }
        if tipCommit == nil {
            try await git.forEachCommitDetail(from: [tip], limit: 1, rules: rules) { details in
                // The schema wants a key on the last commit too: the branch's, when its own message has none.
                tipCommit = commit(details, links: facts.links, fallbackKeys: keys.keys)
            }
        }
        guard let lastCommit = tipCommit else { return nil }
        return DevInfoBranch(
            id: Identifiers.pathSafe(name, limit: 1024), issueKeys: keys.keys, updateSequenceId: sequence(),
            name: FieldLimits.fitted(name, limit: 512), lastCommit: lastCommit, url: facts.links.branchURL(name),
            createPullRequestUrl: facts.links.createPullRequestURL(name))
    }

    /// Commits in reports of at most 400, the branch with the last of them.
    func reports(
        commits: [DevInfoCommit], branch: DevInfoBranch?, facts: DevInfoRepositoryFacts, head: String,
        branchName: String?, commitCount: Int
    ) -> [Report] {
        var chunks = stride(from: 0, to: commits.count, by: DevInfoRepository.commitLimit).map {
            Array(commits[$0..<min($0 + DevInfoRepository.commitLimit, commits.count)])
        }
        if chunks.isEmpty && branch != nil { chunks = [[]] }
        return chunks.enumerated().map { index, chunk in
            let repository = DevInfoRepository(
                id: facts.id, name: FieldLimits.fitted(facts.name, limit: FieldLimits.text),
                url: facts.links.repository,
                updateSequenceId: sequence(), commits: chunk.isEmpty ? nil : chunk,
                branches: index == chunks.count - 1 ? branch.map { [$0] } : nil)
            var made = report(.devinfo(repository), branch: branchName, head: head, facts: facts)
            made.context.commitCount = commitCount
            return made
        }
    }

    func report(_ entity: ReportEntity, branch: String?, head: String, facts: DevInfoRepositoryFacts) -> Report {
        Report(
            target: target, credential: credential, entity: entity,
            context: ReportContext(
                branch: branch, commitSHA: head, pipelineName: facts.name, devinfo: settings.options), createdAt: now())
    }

    /// The issues a deleted branch's links are on: its name's keys and those of the commits only it had.
    func deletedBranchKeys(_ update: HookUpdate, search: KeySearch) async throws -> [String] {
        let scanner = IssueKeyScanner(rules: rules)
        var keys = IssueKeyCollection()
        for key in scanner.keys(in: update.branch, letterCase: .any) {
            keys.add(key, from: KeySource(type: .branch, value: update.branch))
        }
        if let old = update.oldCommit, try await git.resolveCommit(old) != nil {
            let others = try await git.branchTips(except: update.branch)
            try await git.forEachCommitDetail(from: [old], excluding: others, limit: search.maxCommits, rules: rules) {
                details in
                for key in details.keys { keys.add(key, from: KeySource(type: .commit, value: details.sha)) }
            }
        }
        return keys.keys
    }

    /// How many commits the branch has that the default branch has not (what a Jira Server link shows); for
    /// the default branch itself, the commits pushed.
    func commitsAhead(_ tip: String, otherwise pushed: Int) async throws -> Int {
        guard let base = try await git.defaultBranchCommit(), base != tip else { return pushed }
        return try await git.commitCount(tip, excluding: [base])
    }
}
