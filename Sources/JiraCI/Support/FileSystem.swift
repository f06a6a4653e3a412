#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations jira-ci needs, on POSIX calls, so errors carry the system's reason.
public enum FileSystem {
    public struct Failure: Error, Equatable, Sendable {
        public let path: String
        public let reason: String
    }

    public static func read(_ path: String, limit: Int = 64 * 1024 * 1024) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, reason: lastError()) }
        defer { close(fd) }
        var status = stat()
        if fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw Failure(path: path, reason: "is a directory")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: lastError())
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw Failure(path: path, reason: "is larger than \(limit / 1024 / 1024) MiB") }
        }
        return bytes
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
    }

    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

extension FileSystem {
    public static func remove(_ path: String) {
        unlink(path)
    }
}
