#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file operations jira-ci needs, on POSIX calls, so errors carry the system's reason.
public enum FileSystem {
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String

        public var description: String { "\(path): \(reason)" }
    }

    /// Reads a regular file of at most `limit` bytes. Anything else (a FIFO, a directory, a device, a socket)
    /// is refused at once: opening is non-blocking, so a FIFO nobody writes to cannot hold the run.
    public static func read(_ path: String, limit: Int = 64 * 1024 * 1024) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw Failure(path: path, reason: lastError()) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw Failure(path: path, reason: lastError()) }
        if let kind = kindName(status.st_mode) { throw Failure(path: path, reason: "is \(kind), not a regular file") }
        guard Int(status.st_size) <= limit else {
            throw Failure(path: path, reason: "is larger than \(limitText(limit))")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: lastError())
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw Failure(path: path, reason: "is larger than \(limitText(limit))") }
        }
        return bytes
    }

    /// nil for a regular file; else what it is, for messages.
    static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    private static func limitText(_ limit: Int) -> String {
        limit >= 1024 * 1024 ? "\(limit / 1024 / 1024) MiB" : "\(limit / 1024) KiB"
    }

    /// Writes `bytes` to a private temporary file beside `path`, then renames it over `path`: readers see the
    /// old file or the new one, never half of either, and the file is never readable by other users.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws(Failure) {
        var template = Array("\(path).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(path: path, reason: lastError()) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { raw in
            guard fchmod(fd, mode) == 0 else { return false }
            while written < raw.count {
                let count = write(fd, raw.baseAddress! + written, raw.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return fsync(fd) == 0
        }
        let reason = lastError()
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let failure = ok ? lastError() : reason
            unlink(temporary)
            throw Failure(path: path, reason: failure)
        }
    }

    /// Creates `path` and its parents, private to the user.
    public static func makeDirectory(_ path: String, mode: mode_t = 0o700) throws(Failure) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, mode) != 0 && errno != EEXIST { throw Failure(path: current, reason: lastError()) }
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw Failure(path: path, reason: lastError()) }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw Failure(path: path, reason: "is not a directory") }
    }

    /// A folder whose files jira-ci acts on (queued reports, sent with the user's credentials) must be the
    /// user's own: anyone else who can write there could queue reports of their own making. A folder not
    /// there yet passes; it is made private when needed.
    public static func checkPrivate(_ path: String) throws(Failure) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw Failure(path: path, reason: "is not a directory") }
        guard status.st_uid == geteuid() else { throw Failure(path: path, reason: "belongs to another user") }
        let mode = status.st_mode & 0o777
        guard mode & 0o022 == 0 else {
            throw Failure(
                path: path,
                reason: "others may write there (mode \(String(mode, radix: 8))); make it private with chmod 700")
        }
    }

    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    public static func remove(_ path: String) {
        unlink(path)
    }

    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

extension FileSystem {
    /// The names in a folder (no `.`/`..`); empty when it cannot be read.
    public static func list(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Whether the open `fd` is still the file at `path` (not unlinked or replaced since it was opened).
    static func sameFile(_ fd: Int32, _ path: String) -> Bool {
        var open = stat()
        var named = stat()
        return fstat(fd, &open) == 0 && stat(path, &named) == 0 && open.st_ino == named.st_ino
            && open.st_dev == named.st_dev
    }

    /// Reads an open regular file from its start.
    static func read(fd: Int32, path: String, limit: Int) throws(Failure) -> [UInt8] {
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw Failure(path: path, reason: lastError()) }
        if let kind = kindName(status.st_mode) { throw Failure(path: path, reason: "is \(kind), not a regular file") }
        guard Int(status.st_size) <= limit else { throw Failure(path: path, reason: "is too large") }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + offset, $0.count - offset, off_t(offset))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: lastError())
            }
            if count == 0 { break }
            offset += count
        }
        return Array(bytes.prefix(offset))
    }
}
