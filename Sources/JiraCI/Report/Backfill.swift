/// A whole history (or range) sent once, when a repository is first set up: every commit reachable from the
/// tips and not from `--since`, not bounded by `--max-commits`, streamed in batches of 400 commits so memory
/// stays flat whatever the history, as `operationType: BACKFILL` without issue transitions.
///
/// Resumable: after every batch Jira took, the progress is written to a state file (keyed by site and
/// repository). A rerun after an interruption continues where it stopped (git lists the same range in the
/// same order, so the commits done are skipped); a rerun after a finished backfill sends only what is new.
public struct Backfill: Sendable {
    /// What is written after every batch.
    struct Progress: Codable, Equatable {
        struct Range: Codable, Equatable {
            var tips: [String]
            var excluded: [String]
            /// Commits of the range, in git's order, fully handled.
            var processed: Int
        }
        /// A range begun and not finished.
        var pending: Range?
        /// Tips whose history was sent completely: later backfills exclude them.
        var done: [String]
    }

    public struct Result: Sendable {
        public var commitsRead = 0
        public var commitsSent = 0
        public var branchesSent = 0
        public var requests = 0
        /// What Jira failed, bounded as any answer.
        public var failures = ReportOutcome()
        public var unknownIssueKeys: [String] = []
        /// Why it stopped early; rerunning continues from there.
        public var stoppedBy: (any Error)?
        /// For a dry run: the first request, and how many there would be.
        public var preview: [PreparedRequest] = []
    }

    let planner: DevInfoPlanner
    let delivery: any JiraDelivery
    /// nil for a dry run, which neither reads nor writes progress.
    let stateFile: String?
    let dryRun: Bool

    public init(
        planner: DevInfoPlanner, delivery: any JiraDelivery, stateDirectory: String?, queueKey: String,
        repositoryId: String, dryRun: Bool
    ) {
        self.planner = planner
        self.delivery = delivery
        self.dryRun = dryRun
        self.stateFile =
            dryRun
            ? nil
            : stateDirectory.map {
                "\($0)/backfill-\(Digest.sha256Hex(queueKey + "\n" + repositoryId).prefix(32)).json"
            }
    }

    /// - Parameters:
    ///   - branches: the branches to send with their tips (all branches, or the one built).
    ///   - since: commits reachable from it are not sent.
    ///   - onProgress: commits read and sent so far, after each batch.
    public func run(
        tips: [String], branches: [(name: String, tip: String)], since: String?, search: KeySearch,
        onProgress: @Sendable (Int, Int) -> Void
    ) async throws -> Result {
        let facts = try await planner.repository()
        var progress = load()
        var result = Result()
        if let pending = progress.pending {
            try await send(pending, facts: facts, progress: &progress, result: &result, onProgress: onProgress)
            if result.stoppedBy != nil { return result }
        }
        let excluded = (progress.done + (since.map { [$0] } ?? [])).uniqued()
        try await send(
            .init(tips: tips, excluded: excluded, processed: 0), facts: facts, progress: &progress, result: &result,
            onProgress: onProgress)
        if result.stoppedBy != nil { return result }
        try await sendBranches(branches, facts: facts, search: search, result: &result)
        return result
    }

    /// One range, batch by batch, recording progress as Jira takes each. A batch is on its way to Jira while
    /// the next is read, so git and Jira work at the same time; at most one is in flight, so progress stays in
    /// order.
    private func send(
        _ range: Progress.Range, facts: DevInfoRepositoryFacts, progress: inout Progress, result: inout Result,
        onProgress: @Sendable (Int, Int) -> Void
    ) async throws {
        progress.pending = range
        save(progress)
        var batch: [DevInfoCommit] = []
        var position = range.processed
        var inFlight: InFlight?
        var stop: (any Error)?
        do {
            try await planner.git.forEachCommitDetail(
                from: range.tips, excluding: range.excluded, skip: range.processed, rules: planner.rules
            ) { details in
                position += 1
                result.commitsRead += 1
                if let commit = planner.commit(details, links: facts.links) { batch.append(commit) }
                guard batch.count == DevInfoRepository.commitLimit else { return }
                if let previous = inFlight,
                    let failure = await settle(previous, progress: &progress, result: &result, onProgress: onProgress)
                {
                    throw StopBackfill(reason: failure)
                }
                inFlight = try start(batch, through: position, facts: facts, result: &result)
                batch.removeAll(keepingCapacity: true)
            }
            if let previous = inFlight {
                stop = await settle(previous, progress: &progress, result: &result, onProgress: onProgress)
            }
            if stop == nil, !batch.isEmpty {
                stop = await settle(
                    try start(batch, through: position, facts: facts, result: &result), progress: &progress,
                    result: &result, onProgress: onProgress)
            }
        } catch let stopped as StopBackfill {
            stop = stopped.reason
        }
        if let stop {
            result.stoppedBy = stop
            return
        }
        progress.pending = nil
        progress.done = (progress.done + range.tips).uniqued()
        save(progress)
    }

    /// A batch of commits on its way to Jira; once Jira took it, the commits through `through` count as done.
    private struct InFlight {
        let delivery: Task<DeliveryResult?, Never>
        let commits: Int
        let through: Int
    }

    private func start(_ batch: [DevInfoCommit], through: Int, facts: DevInfoRepositoryFacts, result: inout Result)
        throws -> InFlight
    {
        let report = planner.reports(
            commits: batch, branch: nil, facts: facts, head: batch[0].id, branchName: nil, commitCount: batch.count)[0]
        return InFlight(delivery: try start(report, result: &result), commits: batch.count, through: through)
    }

    /// A dry run only previews (the first request, for the output) and takes nothing to Jira.
    private func start(_ report: Report, result: inout Result) throws -> Task<DeliveryResult?, Never> {
        result.requests += 1
        if dryRun {
            if result.preview.isEmpty { result.preview = try delivery.preview([report]) }
            return Task { .accepted(ReportOutcome()) }
        }
        let delivery = delivery
        return Task { await delivery.deliver([report]).first }
    }

    private func settle(
        _ batch: InFlight, progress: inout Progress, result: inout Result, onProgress: @Sendable (Int, Int) -> Void
    ) async -> (any Error)? {
        if let failure = await settle(batch.delivery, result: &result) { return failure }
        result.commitsSent += batch.commits
        progress.pending?.processed = batch.through
        save(progress)
        onProgress(result.commitsRead, result.commitsSent)
        return nil
    }

    /// nil when Jira decided on the report (rejections are collected, not fatal); the error that stops the
    /// backfill otherwise.
    private func settle(_ delivery: Task<DeliveryResult?, Never>, result: inout Result) async -> (any Error)? {
        switch await delivery.value {
        case .accepted(let outcome)?:
            result.unknownIssueKeys = (result.unknownIssueKeys + outcome.unknownIssueKeys).uniqued()
            return nil
        case .rejected(let outcome)?:
            for entity in outcome.rejected { result.failures.reject(entity) }
            result.unknownIssueKeys = (result.unknownIssueKeys + outcome.unknownIssueKeys).uniqued()
            return nil
        case .failed(let error)?:
            return error
        case nil:
            return nil
        }
    }

    /// The branches, at most 400 a request, each with the keys of its name and of its own commits.
    private func sendBranches(
        _ branches: [(name: String, tip: String)], facts: DevInfoRepositoryFacts, search: KeySearch,
        result: inout Result
    ) async throws {
        var entities: [DevInfoBranch] = []
        let base = try await planner.git.defaultBranchCommit()
        for branch in branches {
            var commits: [DevInfoCommit] = []
            let excluded = base.map { $0 == branch.tip ? [] : [$0] } ?? []
            try await planner.git.forEachCommitDetail(
                from: [branch.tip], excluding: excluded, limit: excluded.isEmpty ? 1 : search.maxCommits,
                rules: planner.rules
            ) { details in
                if let commit = planner.commit(details, links: facts.links) { commits.append(commit) }
            }
            if let entity = try await planner.branch(
                branch.name, tip: branch.tip, commits: commits, prTitle: nil, facts: facts)
            {
                entities.append(entity)
            }
        }
        for first in stride(from: 0, to: entities.count, by: DevInfoRepository.branchLimit) {
            let chunk = Array(entities[first..<min(first + DevInfoRepository.branchLimit, entities.count)])
            let repository = DevInfoRepository(
                id: facts.id, name: facts.name, url: facts.links.repository, updateSequenceId: planner.sequence(),
                commits: nil, branches: chunk)
            let report = planner.report(.devinfo(repository), branch: nil, head: chunk[0].lastCommit.id, facts: facts)
            if let failure = await settle(try start(report, result: &result), result: &result) {
                result.stoppedBy = failure
                return
            }
            result.branchesSent += chunk.count
        }
    }

    private func load() -> Progress {
        guard let stateFile, FileSystem.exists(stateFile),
            let bytes = try? FileSystem.read(stateFile, limit: 1024 * 1024),
            let progress = try? JSON.decode(Progress.self, from: bytes)
        else { return Progress(pending: nil, done: []) }
        return progress
    }

    private func save(_ progress: Progress) {
        guard let stateFile, let bytes = try? JSON.encode(progress) else { return }
        let directory = String(stateFile[..<(stateFile.lastIndex(of: "/") ?? stateFile.endIndex)])
        try? FileSystem.makeDirectory(directory)
        try? FileSystem.writeAtomically(bytes, to: stateFile)
    }

    private struct StopBackfill: Error {
        let reason: any Error
    }
}
