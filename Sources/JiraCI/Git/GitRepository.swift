import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// A work tree or bare repository, read through the `git` command line (the only place that spawns processes).
public struct GitRepository: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The full sha of `revision`, or nil when git does not know it as a commit. Also tells a path that is
    /// no repository at all apart (git exits 128 there), so callers need no separate check.
    public func resolveCommit(_ revision: String) async throws -> String? {
        let result = try await git(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"])
        if result.status == 128 { throw GitError.notARepository(path: path) }
        return result.succeeded ? result.output.trimmed : nil
    }

    /// The branch HEAD points at; nil when HEAD is detached.
    public func currentBranch() async throws -> String? {
        let result = try await git(["symbolic-ref", "--quiet", "--short", "HEAD"])
        return result.succeeded ? result.output.trimmed.nonEmpty : nil
    }

    /// Every remote with its URL, in one git call.
    public func remotes() async throws -> [(name: String, url: String)] {
        let result = try await git(["config", "--get-regexp", "^remote\\..*\\.url$"])
        return result.output.split(separator: "\n").compactMap { line in
            guard let space = line.firstIndex(of: " ") else { return nil }
            let key = line[..<space]
            let name = key.dropFirst("remote.".count).dropLast(".url".count)
            return (String(name), String(line[line.index(after: space)...]).trimmed)
        }
    }

    /// The URL of `origin`, else of the first remote; nil when the repository has none.
    public static func preferredURL(_ remotes: [(name: String, url: String)]) -> String? {
        (remotes.first { $0.name == "origin" } ?? remotes.first)?.url.nonEmpty
    }

    /// The repository's folder name (without `.git` for bare repositories): a name that needs no remote.
    public func folderName() async throws -> String {
        let result = try await git(["rev-parse", "--path-format=absolute", "--git-common-dir"])
        var components = result.output.trimmed.split(separator: "/").map(String.init)
        if components.last == ".git" { components.removeLast() }
        let name = components.last ?? "repository"
        return name.hasSuffix(".git") ? String(name.dropLast(4)) : name
    }

    /// The tips of every local branch but `branch`: what a new branch's own commits are not reachable from.
    public func branchTips(except branch: String?) async throws -> [String] {
        let result = try await git(["for-each-ref", "--format=%(objectname) %(refname)", "refs/heads/"])
        return result.output.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[1] != "refs/heads/\(branch ?? "")" else { return nil }
            return parts[0]
        }
    }

    /// The commit of the default branch: `origin/HEAD`, else origin/main, origin/master, main, master.
    public func defaultBranchCommit() async throws -> String? {
        for candidate in ["refs/remotes/origin/HEAD", "refs/remotes/origin/main", "refs/remotes/origin/master", "refs/heads/main", "refs/heads/master"] {
            if let sha = try await resolveCommit(candidate) { return sha }
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
    /// merges included, at most `limit` of them. Returns how many were delivered.
    ///
    /// git's output is parsed as it arrives, so memory stays at one message whatever the range.
    @discardableResult
    public func forEachCommitMessage(
        from commit: String,
        excluding excluded: [String] = [],
        limit: Int,
        _ body: (_ sha: String, _ message: UnsafeBufferPointer<UInt8>) -> Void
    ) async throws -> Int {
        let arguments = gitArguments(
            ["log", "-z", "--no-show-signature", "--format=%H%n%B", "--max-count=\(limit)", commit]
                + excluded.map { "^" + $0 } + ["--"])
        var splitter = CommitRecordSplitter()
        let result = try await Subprocess.run(
            .name("git"), arguments: Arguments(arguments), environment: Self.environment,
            input: .none, output: .sequence, error: .string(limit: 64 * 1024)
        ) { execution in
            for try await chunk in execution.standardOutput {
                chunk.withUnsafeBytes { raw in
                    splitter.feed(raw.bindMemory(to: UInt8.self), body)
                }
            }
            splitter.finish(body)
        }
        guard result.terminationStatus.isSuccess else {
            throw GitError.failed(command: "git log", message: (result.standardError).trimmed)
        }
        return splitter.records
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
                .name("git"), arguments: Arguments(gitArguments(arguments)), environment: Self.environment,
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
    private static let environment = Environment.inherit.updating([
        "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C", "GIT_FLUSH": "0",
    ])
}

/// Splits `git log -z` output into (sha, message) records across arbitrary chunk boundaries.
struct CommitRecordSplitter {
    private var pending: [UInt8] = []
    private(set) var records = 0

    init() {
        pending.reserveCapacity(64 * 1024)
    }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (String, UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        while start < chunk.count {
            guard let terminator = chunk[start...].firstIndex(of: 0) else {
                pending.append(contentsOf: chunk[start...])
                return
            }
            if pending.isEmpty {
                emit(UnsafeBufferPointer(rebasing: chunk[start..<terminator]), body)
            } else {
                pending.append(contentsOf: chunk[start..<terminator])
                pending.withUnsafeBufferPointer { emit($0, body) }
                pending.removeAll(keepingCapacity: true)
            }
            start = terminator + 1
        }
    }

    mutating func finish(_ body: (String, UnsafeBufferPointer<UInt8>) -> Void) {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBufferPointer { emit($0, body) }
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func emit(_ record: UnsafeBufferPointer<UInt8>, _ body: (String, UnsafeBufferPointer<UInt8>) -> Void) {
        let newline = record.firstIndex(of: UInt8(ascii: "\n")) ?? record.count
        let sha = String(decoding: UnsafeBufferPointer(rebasing: record[0..<newline]), as: UTF8.self)
        let messageStart = min(newline + 1, record.count)
        records += 1
        body(sha, UnsafeBufferPointer(rebasing: record[messageStart...]))
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace: what users and git put around values.
    public var trimmed: String {
        var view = self[...]
        while let last = view.last, last.isWhitespace { view.removeLast() }
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        return String(view)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
