#if canImport(Glibc)
    import Glibc
#endif

/// Reports Jira has not taken yet, kept on disk until a later run or `jira-ci flush` delivers them.
///
/// One report per file, named by its age (`<microseconds>-<random>.json`), so the oldest go first. Files are
/// written whole (a temporary file and a rename), mode 0600 in 0700 folders. A run claims a file by taking an
/// exclusive `flock` on it: two runs never send one report twice, and a claim dies with its process, so the
/// very next run sends what a crashed one left. Reports Jira refused, and files that are not reports, move to
/// `rejected/` with the reason beside them; nothing is dropped silently.
public struct Outbox: Sendable {
    /// Beyond this many waiting reports the oldest move to `rejected/`: an outage of weeks must not fill the disk.
    public static let capacity = 10_000

    public let directory: String
    public let capacity: Int

    public init(directory: String, capacity: Int = Outbox.capacity) {
        self.directory = directory
        self.capacity = capacity
    }

    public var rejectedDirectory: String { directory + "/rejected" }

    /// A report on disk.
    public struct Entry: Sendable {
        public let name: String
        public let report: Report
    }

    /// What could not be kept, for warnings.
    public struct Eviction: Sendable, Equatable {
        public let name: String
        public let reason: String
    }

    /// Queues `reports`; returns how many wait now, and what had to leave to keep within the capacity.
    public func enqueue(_ reports: [Report]) throws(FileSystem.Failure) -> (waiting: Int, evicted: [Eviction]) {
        try FileSystem.makeDirectory(directory)
        for report in reports {
            let bytes: [UInt8]
            do {
                bytes = try OutboxFormat.encode(report)
            } catch {
                throw FileSystem.Failure(path: directory, reason: "cannot encode a report: \(error)")
            }
            try FileSystem.writeAtomically(bytes, to: "\(directory)/\(Self.fileName(createdAt: report.createdAt))")
        }
        var names = waitingNames()
        var evicted: [Eviction] = []
        var candidates = names[...]
        while names.count - evicted.count > capacity, let oldest = candidates.popFirst() {
            // A newer jira-ci's report is its own to deliver: never moved aside, not even to make room.
            if case .newer = read(oldest) { continue }
            let reason = "the outbox holds at most \(capacity) reports; the oldest made way"
            if moveToRejected(oldest, reason: reason) { evicted.append(Eviction(name: oldest, reason: reason)) }
        }
        names.removeAll { name in evicted.contains { $0.name == name } }
        return (names.count, evicted)
    }

    /// Files waiting, oldest first (their names start with their age).
    public func waitingNames() -> [String] {
        FileSystem.list(directory).filter { $0.hasSuffix(".json") && !$0.contains(".tmp-") }.sorted()
    }

    /// What waits, without claiming any of it.
    public struct Contents: Sendable {
        public var entries: [Entry] = []
        /// Files that are not reports (and links, which are never followed), by name.
        public var unreadable: [String] = []
        /// Reports a newer jira-ci queued, by name, with their format.
        public var newer: [(name: String, format: Int)] = []
    }

    /// Reads every waiting report without claiming any, for `flush --dry-run` and its summary.
    public func peek() -> Contents {
        var contents = Contents()
        for name in waitingNames() {
            switch read(name) {
            case .report(let report): contents.entries.append(Entry(name: name, report: report))
            case .newer(let format): contents.newer.append((name, format))
            case .unreadable: contents.unreadable.append(name)
            }
        }
        return contents
    }

    /// One waiting file, read without a claim (links are never followed).
    private func read(_ name: String) -> OutboxFormat.Decoded {
        let fd = open("\(directory)/\(name)", O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard fd >= 0 else { return .unreadable }
        defer { close(fd) }
        guard let bytes = try? FileSystem.read(fd: fd, path: name, limit: Self.largestReport) else {
            return .unreadable
        }
        return OutboxFormat.decode(bytes)
    }

    /// Whether another run holds the report now (it is being sent).
    public func isHeld(_ name: String) -> Bool {
        let fd = open("\(directory)/\(name)", O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return flock(fd, LOCK_EX | LOCK_NB) != 0
    }

    /// Claims up to `limit` waiting reports that `matches` accepts, oldest first, skipping those another run
    /// holds and those named in `skipped` (tried already by this run). Files that are not reports move to `rejected/` and come back as evictions.
    public func claim(limit: Int, skipping skipped: Set<String> = [], matching matches: (Report) -> Bool) -> (
        claim: Claim, evicted: [Eviction]
    ) {
        let claim = Claim(outbox: self)
        var evicted: [Eviction] = []
        for name in waitingNames() where claim.entries.count < limit && !skipped.contains(name) {
            let path = "\(directory)/\(name)"
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
            guard fd >= 0 else {
                // A link is never followed (it could point anywhere): it is moved aside, not waited on forever.
                if errno == ELOOP, moveToRejected(name, reason: "a symbolic link, not a report file") {
                    evicted.append(Eviction(name: name, reason: "a symbolic link, not a report file"))
                }
                continue
            }
            // Another run holds it, or it went (delivered) between listing and opening: not ours.
            guard flock(fd, LOCK_EX | LOCK_NB) == 0, FileSystem.sameFile(fd, path) else {
                close(fd)
                continue
            }
            let decoded =
                (try? FileSystem.read(fd: fd, path: path, limit: Self.largestReport)).map(OutboxFormat.decode)
                ?? .unreadable
            let report: Report
            switch decoded {
            case .report(let read):
                report = read
            case .newer(let format):
                claim.newer.append((name, format))
                close(fd)
                continue
            case .unreadable:
                let reason = "not a jira-ci report (corrupt or foreign)"
                if moveToRejected(name, reason: reason) { evicted.append(Eviction(name: name, reason: reason)) }
                close(fd)
                continue
            }
            guard matches(report) else {
                close(fd)
                continue
            }
            claim.add(Entry(name: name, report: report), fd: fd)
        }
        return (claim, evicted)
    }

    /// Claimed reports: each leaves the outbox only when told what became of it; the rest are released for
    /// the next run when the claim ends.
    public final class Claim: @unchecked Sendable {
        // A claim belongs to the one task that made it; @unchecked because it holds file descriptors.
        let outbox: Outbox
        public private(set) var entries: [Entry] = []
        /// Reports a newer jira-ci queued: left waiting for it, by name, with their format.
        public internal(set) var newer: [(name: String, format: Int)] = []
        private var descriptors: [String: Int32] = [:]

        init(outbox: Outbox) {
            self.outbox = outbox
        }

        func add(_ entry: Entry, fd: Int32) {
            entries.append(entry)
            descriptors[entry.name] = fd
        }

        /// Jira took it: gone.
        public func delivered(_ entry: Entry) {
            guard let fd = descriptors.removeValue(forKey: entry.name) else { return }
            unlink("\(outbox.directory)/\(entry.name)")
            close(fd)
        }

        /// Jira refused it: moved to `rejected/` with Jira's answer beside it.
        @discardableResult
        public func rejected(_ entry: Entry, answer: String) -> String {
            guard let fd = descriptors.removeValue(forKey: entry.name) else { return "" }
            outbox.moveToRejected(entry.name, reason: answer)
            close(fd)
            return "\(outbox.rejectedDirectory)/\(entry.name)"
        }

        /// Still waiting: unlocked for the next run.
        public func release() {
            for descriptor in descriptors.values { close(descriptor) }
            descriptors.removeAll()
        }

        deinit {
            release()
        }
    }

    /// A report is a few KiB; a devinfo report of a thousand entities a few MiB.
    static let largestReport = 16 * 1024 * 1024

    static func fileName(createdAt: Int64) -> String {
        let digits = String(max(0, createdAt))
        return String(repeating: "0", count: max(0, 17 - digits.count)) + digits + "-" + CryptoRandom.hex(bytes: 4)
            + ".json"
    }

    /// Moves a waiting file to `rejected/` with `reason` in `<name>.reason.txt`; false when it was gone. The
    /// caller holds the file's lock (or it is the oldest of a full queue, which no run would send before others).
    @discardableResult
    func moveToRejected(_ name: String, reason: String) -> Bool {
        do {
            try FileSystem.makeDirectory(rejectedDirectory)
            try FileSystem.writeAtomically(Array((reason + "\n").utf8), to: "\(rejectedDirectory)/\(name).reason.txt")
        } catch {
            return false
        }
        return rename("\(directory)/\(name)", "\(rejectedDirectory)/\(name)") == 0
    }
}
