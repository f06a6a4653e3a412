import Subprocess
import Synchronization

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// A work tree or bare repository, read through the `git` command line (the only place that spawns processes).
public struct GitRepository: Sendable {
    public let path: String
    /// The repository was named (`--repo`): git's variables that would select another one are not passed on
    /// (a hook runs with GIT_DIR and friends set). Otherwise they are, so a hook's own repository is the default.
    public let isNamed: Bool
    let memo: Memo

    /// - Parameter memo: facts that do not change during a run (remotes, the folder's name, the default
    ///   branch), kept by whoever shares it, so a hook's hundreds of branches ask git for them once.
    public init(path: String, isNamed: Bool = false, memo: Memo = Memo()) {
        self.path = path
        self.isNamed = isNamed
        self.memo = memo
    }

    public final class Memo: Sendable {
        fileprivate let remotes = Mutex<[(name: String, url: String)]?>(nil)
        fileprivate let folderName = Mutex<String?>(nil)
        fileprivate let defaultBranchCommit = Mutex<String??>(nil)

        public init() {}
    }

    /// The full sha of `revision`, or nil when git does not know it as one commit. Also tells a path that is
    /// no repository at all apart (git exits 128 there), so callers need no separate check.
    public func resolveCommit(_ revision: String) async throws -> String? {
        // `--end-of-options` keeps `--all` from being an option; `^{commit}` and the check of the answer keep
        // ranges and negations (`HEAD..main`, `^HEAD`, which rev-parse answers with `^<sha>`) out.
        guard !revision.isEmpty, !revision.hasPrefix("-"), !revision.hasPrefix("^") else { return nil }
        let result = try await git(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"])
        if result.status == 128 { throw GitError.notARepository(path: path) }
        let sha = result.output.trimmed
        guard result.succeeded, Self.isSHA(sha) else { return nil }
        return sha
    }

    /// The one commit a setting names, or why it names none.
    public func commit(_ revision: String, for variable: Variable) async throws -> String {
        if let sha = try await resolveCommit(revision) { return sha }
        throw Self.namesOneCommit(revision)
            ? GitError.unknownCommit(revision, variable) : GitError.notOneCommit(revision, variable)
    }

    /// Whether `revision` is shaped like one commit (a sha, a ref, `HEAD~2`) rather than an option, a range or a
    /// negation, which no setting that takes a commit accepts.
    public static func namesOneCommit(_ revision: String) -> Bool {
        !revision.isEmpty && !revision.hasPrefix("-") && !revision.hasPrefix("^") && !revision.contains("..")
            && !revision.contains(" ") && !revision.hasSuffix("^!") && !revision.hasSuffix("^@")
            && !revision.hasSuffix("^-")
    }

    static func isSHA(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64)
            && text.utf8.allSatisfy { ASCII.isDigit($0) || (0x61...0x66).contains($0) }
    }

    /// The branch HEAD points at; nil when HEAD is detached.
    public func currentBranch() async throws -> String? {
        let result = try await git(["symbolic-ref", "--quiet", "--short", "HEAD"])
        return result.succeeded ? result.output.trimmed.nonEmpty : nil
    }

    /// Every remote with its URL, in one git call.
    public func remotes() async throws -> [(name: String, url: String)] {
        if let known = memo.remotes.withLock({ $0 }) { return known }
        let result = try await git(["config", "--get-regexp", "^remote\\..*\\.url$"])
        let remotes: [(name: String, url: String)] = result.output.split(separator: "\n").compactMap { line in
            guard let space = line.firstIndex(of: " ") else { return nil }
            let key = line[..<space]
            let name = key.dropFirst("remote.".count).dropLast(".url".count)
            return (String(name), String(line[line.index(after: space)...]).trimmed)
        }
        memo.remotes.withLock { $0 = remotes }
        return remotes
    }

    /// The URL of `origin`, else of the first remote; nil when the repository has none.
    public static func preferredURL(_ remotes: [(name: String, url: String)]) -> String? {
        (remotes.first { $0.name == "origin" } ?? remotes.first)?.url.nonEmpty
    }

    /// The repository's folder name (without `.git` for bare repositories): a name that needs no remote.
    public func folderName() async throws -> String {
        if let known = memo.folderName.withLock({ $0 }) { return known }
        let result = try await git(["rev-parse", "--path-format=absolute", "--git-common-dir"])
        var components = result.output.trimmed.split(separator: "/").map(String.init)
        if components.last == ".git" { components.removeLast() }
        var name = components.last ?? "repository"
        if name.hasSuffix(".git") { name.removeLast(4) }
        memo.folderName.withLock { [name] in $0 = name }
        return name
    }

    /// The tips of every local branch but `branch`: what a new branch's own commits are not reachable from.
    public func branchTips(except branch: String?) async throws -> [String] {
        try await branches().filter { $0.name != branch }.map(\.tip)
    }

    /// Every local branch with the commit at its tip.
    public func branches() async throws -> [(name: String, tip: String)] {
        let result = try await git(["for-each-ref", "--format=%(objectname) %(refname)", "refs/heads/"])
        return result.output.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[1].hasPrefix("refs/heads/"), Self.isSHA(parts[0]) else { return nil }
            return (String(parts[1].dropFirst("refs/heads/".count)), parts[0])
        }
    }

    /// Whether `ancestor` is reachable from `commit`: a push that is not a fast-forward was forced.
    public func isAncestor(_ ancestor: String, of commit: String) async throws -> Bool {
        try await git(["merge-base", "--is-ancestor", ancestor, commit]).succeeded
    }

    /// The commit of the default branch: `origin/HEAD`, else origin/main, origin/master, main, master.
    public func defaultBranchCommit() async throws -> String? {
        if let known = memo.defaultBranchCommit.withLock({ $0 }) { return known }
        var found: String?
        for candidate in [
            "refs/remotes/origin/HEAD", "refs/remotes/origin/main", "refs/remotes/origin/master", "refs/heads/main",
            "refs/heads/master",
        ] {
            found = try await resolveCommit(candidate)
            if found != nil { break }
        }
        memo.defaultBranchCommit.withLock { [found] in $0 = .some(found) }
        return found
    }

    /// The newest tag matching `pattern` (git's glob, as `git tag --list` takes it) that is reachable from a
    /// parent of `commit`, and the commit it names: where a release's range starts (a deploy of v1.5 starts at
    /// v1.4, not at v1.5 itself). nil when none is reachable (the first release); a pattern no tag matches at
    /// all is a mistake or a clone without tags, and says so.
    public func newestTag(matching pattern: String, reachableFromParentsOf commit: String) async throws -> (
        name: String, commit: String
    )? {
        let newestFirst = ["--sort=-version:refname", "--sort=-creatordate", "--format=%(refname:strip=2)"]
        let all = try await git(["tag", "--list"] + newestFirst + ["--", pattern])
        guard all.succeeded else { throw GitError.failed(command: "git tag --list", message: all.errorOutput.trimmed) }
        guard !all.output.trimmed.isEmpty else { throw GitError.noTagMatches(pattern) }
        let parents = try await git(["rev-parse", "--end-of-options", "\(commit)^@"]).output.split(separator: "\n").map(
            String.init
        ).filter(Self.isSHA)
        guard !parents.isEmpty else { return nil }
        let reachable = try await git(
            ["tag", "--list"] + newestFirst + parents.flatMap { ["--merged", $0] } + ["--", pattern])
        guard reachable.succeeded else {
            throw GitError.failed(command: "git tag --merged", message: reachable.errorOutput.trimmed)
        }
        for name in reachable.output.split(separator: "\n").map(String.init) {
            if let sha = try await resolveCommit("refs/tags/\(name)") { return (name, sha) }
        }
        return nil
    }

    /// How many commits `commit` reaches that `excluded` does not.
    public func commitCount(_ commit: String, excluding excluded: [String] = []) async throws -> Int {
        let result = try await git(["rev-list", "--count", commit] + excluded.map { "^" + $0 } + ["--"])
        guard result.succeeded, let count = Int(result.output.trimmed) else {
            throw GitError.failed(command: "git rev-list --count", message: result.errorOutput.trimmed)
        }
        return count
    }

    /// Streams the messages of the commits reachable from `commit` and not from `excluded`, newest first,
    /// merges included, at most `limit` of them, in pieces as git writes them. Returns how many were delivered.
    @discardableResult
    func forEachCommitMessage(
        from commit: String,
        excluding excluded: [String] = [],
        limit: Int,
        _ handle: (CommitLogReader.Event) -> Void
    ) async throws -> Int {
        let arguments = gitArguments(
            ["log", "-z", "--no-show-signature", "--format=%H%n%B", "--max-count=\(limit)", commit]
                + excluded.map { "^" + $0 } + ["--"])
        var reader = CommitLogReader()
        let result = try await Subprocess.run(
            .name("git"), arguments: Arguments(arguments), environment: environment,
            input: .none, output: .sequence, error: .string(limit: 64 * 1024)
        ) { execution in
            for try await chunk in execution.standardOutput {
                chunk.withUnsafeBytes { raw in
                    reader.feed(raw.bindMemory(to: UInt8.self), handle)
                }
            }
            reader.finish(handle)
        }
        guard result.terminationStatus.isSuccess else {
            throw GitError.failed(command: "git log", message: (result.standardError).trimmed)
        }
        return reader.records
    }

    /// Streams the details of the commits reachable from `tips` and not from `excluded`, newest first, merges
    /// included (their files against the first parent), after skipping the first `skip`. Returns how many
    /// commits git listed (skipped ones not counted).
    @discardableResult
    public func forEachCommitDetail(
        from tips: [String], excluding excluded: [String] = [], skip: Int = 0, limit: Int? = nil, rules: IssueKeyRules,
        _ body: (CommitDetails) async throws -> Void
    ) async throws -> Int {
        var arguments = [
            "log", "-z", "--raw", "--numstat", "-M", "--diff-merges=first-parent", "--no-show-signature", "--no-abbrev",
            "--format=\(CommitDetailReader.format)",
        ]
        if skip > 0 { arguments.append("--skip=\(skip)") }
        if let limit { arguments.append("--max-count=\(limit)") }
        arguments += tips + excluded.map { "^" + $0 } + ["--"]
        var reader = CommitDetailReader(scanner: IssueKeyScanner(rules: rules))
        var count = 0
        let result = try await Subprocess.run(
            .name("git"), arguments: Arguments(gitArguments(arguments)), environment: environment,
            input: .none, output: .sequence, error: .string(limit: 64 * 1024)
        ) { execution in
            // Commits are handed on between chunks, so the handler may wait (on Jira) while git waits on the pipe.
            var ready: [CommitDetails] = []
            for try await chunk in execution.standardOutput {
                chunk.withUnsafeBytes { raw in
                    reader.feed(raw.bindMemory(to: UInt8.self)) { ready.append($0) }
                }
                for commit in ready { try await body(commit) }
                count += ready.count
                ready.removeAll(keepingCapacity: true)
            }
            reader.finish { ready.append($0) }
            for commit in ready { try await body(commit) }
            count += ready.count
        }
        guard result.terminationStatus.isSuccess else {
            throw GitError.failed(command: "git log", message: (result.standardError).trimmed)
        }
        return count
    }

    struct CommandResult {
        let status: Int32
        var succeeded: Bool { status == 0 }
        let output: String
        let errorOutput: String
    }

    /// Output of small git commands (a sha, a branch name, a URL) is short, so collecting it is fine.
    private func git(_ arguments: [String]) async throws -> CommandResult {
        do {
            let result = try await Subprocess.run(
                .name("git"), arguments: Arguments(gitArguments(arguments)), environment: environment,
                output: .string(limit: 1024 * 1024), error: .string(limit: 64 * 1024))
            let status: Int32 = if case .exited(let code) = result.terminationStatus { code } else { -1 }
            return CommandResult(
                status: status,
                output: result.standardOutput,
                errorOutput: result.standardError)
        } catch let error as SubprocessError where error.code == .init(.executableNotFound) {
            throw GitError.gitNotFound
        }
    }

    private func gitArguments(_ arguments: [String]) -> [String] {
        // A user's pager, signature display or colour settings must not change what we parse.
        ["-C", path, "-c", "log.showSignature=false", "-c", "color.ui=false", "--no-pager"] + arguments
    }

    /// GIT_FLUSH=0: into a pipe, git otherwise flushes after every commit, and reading 100,000 tiny writes
    /// costs more context switches than scanning the text.
    private static let settings: [Environment.Key: String?] = [
        "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C", "GIT_FLUSH": "0",
    ]

    /// The variables that make git use another repository than the one in the current folder: what
    /// `git rev-parse --local-env-vars` lists (git clears them itself when it enters a submodule), and the
    /// namespace a hook of a namespaced repository runs in.
    static let repositorySelectors = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_IMPLICIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_GRAFT_FILE", "GIT_SHALLOW_FILE",
        "GIT_NO_REPLACE_OBJECTS", "GIT_REPLACE_REF_BASE", "GIT_PREFIX", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS",
        "GIT_CONFIG_COUNT", "GIT_INTERNAL_SUPER_PREFIX", "GIT_QUARANTINE_PATH",
    ]

    private var environment: Environment {
        guard isNamed else { return .inherit.updating(Self.settings) }
        let cleared = Dictionary(
            uniqueKeysWithValues: Self.repositorySelectors.map { (Environment.Key(stringLiteral: $0), String?.none) })
        return .inherit.updating(cleared.merging(Self.settings) { _, setting in setting })
    }
}
