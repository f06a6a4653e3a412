/// Reads `git log -z --raw --numstat --format=<CommitDetailReader.format>` as it arrives, commit by commit.
///
/// Memory stays flat whatever the history: a message is scanned for keys as it streams and only its start is
/// kept; of a commit's files only the first ten by path are kept, the rest only counted.
struct CommitDetailReader {
    /// Record separator, then fields separated by unit separators; the message last, since it may be long.
    static let format = "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%B"
    static let fileLimit = 10
    /// Kept of a message: 1,024 UTF-16 units are at most 4 KiB of UTF-8.
    static let messagePrefix = 4 * 1024
    static let longestToken = 64 * 1024

    private var keyScanner: StreamingKeyScanner
    private var current: CommitDetails?
    private var keys: [String] = []
    private var keySet: Set<String> = []
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var message: [UInt8] = []
    private var inHeader = false
    private var token: [UInt8] = []
    /// Raw entries seen and numstat entries seen: they come in the same order, so the n-th numstat line
    /// gives the lines of the n-th raw entry.
    private var rawIndex = 0
    private var numstatIndex = 0
    private var pendingPaths = 0
    private var pendingKind: PendingPath = .none
    /// Kept files by raw index.
    private var kept: [Int: CommitDetails.FileChange] = [:]
    private var pendingRawStatus: CommitDetails.ChangeType = .unknown

    private enum PendingPath { case none, raw, numstat }

    init(scanner: IssueKeyScanner) {
        keyScanner = StreamingKeyScanner(scanner: scanner, letterCase: .upperOnly)
    }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (CommitDetails) throws -> Void) rethrows {
        var index = 0
        while index < chunk.count {
            if inHeader {
                // Fields until the fifth unit separator; then the message streams until the NUL.
                if fields.count < 5 {
                    let byte = chunk[index]
                    index += 1
                    if byte == 0x1F {
                        fields.append(String(decoding: field, as: UTF8.self))
                        field.removeAll(keepingCapacity: true)
                    } else if field.count < Self.longestToken {
                        field.append(byte)
                    }
                    continue
                }
                let end = chunk[index...].firstIndex(of: 0) ?? chunk.count
                let piece = UnsafeBufferPointer(rebasing: chunk[index..<end])
                if message.count < Self.messagePrefix {
                    message.append(contentsOf: piece.prefix(Self.messagePrefix - message.count))
                }
                var found: [String] = []
                keyScanner.feed(piece) { found.append($0) }
                for key in found { addKey(key) }
                index = end
                if end < chunk.count {
                    index += 1
                    endHeader()
                }
                continue
            }
            if token.isEmpty && chunk[index] == 0x1E {
                try finishCommit(emit)
                startHeader()
                index += 1
                continue
            }
            let end = chunk[index...].firstIndex(of: 0) ?? chunk.count
            if token.count < Self.longestToken {
                token.append(contentsOf: chunk[index..<min(end, index + Self.longestToken - token.count)])
            }
            index = end
            if end < chunk.count {
                index += 1
                handleToken()
                token.removeAll(keepingCapacity: true)
            }
        }
    }

    mutating func finish(_ emit: (CommitDetails) throws -> Void) rethrows {
        if inHeader { endHeader() }
        if !token.isEmpty {
            handleToken()
            token.removeAll()
        }
        try finishCommit(emit)
    }

    private mutating func startHeader() {
        inHeader = true
        fields.removeAll()
        field.removeAll(keepingCapacity: true)
        message.removeAll(keepingCapacity: true)
        keySet.removeAll()
    }

    private mutating func endHeader() {
        inHeader = false
        var found: [String] = []
        keyScanner.finish { found.append($0) }
        for key in found { addKey(key) }
        let sha = fields.first ?? ""
        current = CommitDetails(
            sha: sha, parents: fields.count > 1 ? fields[1].split(separator: " ").map(String.init) : [],
            authorName: fields.count > 2 ? fields[2] : "", authorEmail: fields.count > 3 ? fields[3] : "",
            authorTime: fields.count > 4 ? Int64(fields[4]) ?? 0 : 0,
            message: String(decoding: message, as: UTF8.self).trimmed, keys: keys, fileCount: 0, files: [])
        keys = []
        rawIndex = 0
        numstatIndex = 0
        kept = [:]
        pendingPaths = 0
    }

    private mutating func addKey(_ key: String) {
        guard keys.count < IssueKeyCollection.keyLimit, keySet.insert(key).inserted else { return }
        keys.append(key)
    }

    private mutating func handleToken() {
        var bytes = token[...]
        while bytes.first == UInt8(ascii: "\n") { bytes = bytes.dropFirst() }
        guard current != nil else { return }
        if pendingPaths > 0 {
            pendingPaths -= 1
            // A rename or copy names the old path first; the new one is the file's.
            if pendingPaths == 0 { pathArrived(String(decoding: bytes, as: UTF8.self)) }
            return
        }
        guard let first = bytes.first else { return }
        if first == UInt8(ascii: ":") {
            // `:100644 100644 abc def M` then the path (two paths for R and C).
            let status = bytes.split(separator: UInt8(ascii: " ")).last.flatMap { $0.first } ?? UInt8(ascii: "X")
            pendingRawStatus = Self.changeType(status)
            pendingKind = .raw
            pendingPaths = (status == UInt8(ascii: "R") || status == UInt8(ascii: "C")) ? 2 : 1
        } else if ASCII.isDigit(first) || first == UInt8(ascii: "-") {
            // `added\tremoved\tpath`, or `added\tremoved\t` with the two paths of a rename following.
            let parts = bytes.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2 else { return }
            let added = Int(String(decoding: parts[0], as: UTF8.self)) ?? 0
            let removed = Int(String(decoding: parts[1], as: UTF8.self)) ?? 0
            if numstatIndex < rawIndex, var file = kept[numstatIndex] {
                file.linesAdded = min(added, Int(Int32.max))
                file.linesRemoved = min(removed, Int(Int32.max))
                kept[numstatIndex] = file
            }
            numstatIndex += 1
            let path = parts.count == 3 ? parts[2] : []
            pendingKind = .numstat
            pendingPaths = path.isEmpty ? 2 : 0
        }
    }

    /// A raw entry's (new) path: counted, and kept when it is among the first files by path.
    private mutating func pathArrived(_ path: String) {
        guard pendingKind == .raw, var commit = current else { return }
        let index = rawIndex
        rawIndex += 1
        commit.fileCount += 1
        current = commit
        let file = CommitDetails.FileChange(path: path, change: pendingRawStatus, linesAdded: 0, linesRemoved: 0)
        if kept.count < Self.fileLimit {
            kept[index] = file
        } else if let (largestIndex, largest) = kept.max(by: { $0.value.path < $1.value.path }), path < largest.path {
            kept[largestIndex] = nil
            kept[index] = file
        }
    }

    private mutating func finishCommit(_ emit: (CommitDetails) throws -> Void) rethrows {
        guard var commit = current else { return }
        current = nil
        commit.files = kept.values.sorted { $0.path < $1.path }
        kept = [:]
        try emit(commit)
    }

    static func changeType(_ status: UInt8) -> CommitDetails.ChangeType {
        switch status {
        case UInt8(ascii: "A"): .added
        case UInt8(ascii: "C"): .copied
        case UInt8(ascii: "D"): .deleted
        case UInt8(ascii: "M"), UInt8(ascii: "T"): .modified
        case UInt8(ascii: "R"): .moved
        default: .unknown
        }
    }
}
