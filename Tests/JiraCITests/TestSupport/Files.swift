@testable import JiraCI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Files and byte streams for the tests: private temporary folders, file modes, pieces as a pipe hands them over.

/// Feeds `bytes` to `body` in the given piece sizes, each piece its own buffer (as a pipe hands them over).
func forEachPiece(of bytes: [UInt8], sizes: [Int], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    var offset = 0
    for size in sizes {
        let piece = Array(bytes[offset..<offset + size])
        piece.withUnsafeBufferPointer { body($0) }
        offset += size
    }
    precondition(offset == bytes.count, "piece sizes must add up to the text")
}

/// A fresh private folder under the system's temporary folder, removed with everything in it afterwards.
func withAsyncTemporaryDirectory<T>(_ body: (String) async throws -> T) async rethrows -> T {
    let path = makeTemporaryDirectory()
    defer { removeTree(path) }
    return try await body(path)
}

func withTemporaryDirectory<T>(_ body: (String) throws -> T) rethrows -> T {
    let path = makeTemporaryDirectory()
    defer { removeTree(path) }
    return try body(path)
}

private func makeTemporaryDirectory() -> String {
    var template = Array("/tmp/jira-ci-unit-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Removes `path` and, for a folder, everything below it (without following symbolic links).
func removeTree(_ path: String) {
    var status = stat()
    guard lstat(path, &status) == 0 else { return }
    if status.st_mode & S_IFMT == S_IFDIR {
        for name in FileSystem.list(path) { removeTree("\(path)/\(name)") }
        rmdir(path)
    } else {
        unlink(path)
    }
}

/// The permission bits and kind of `path`, or nil when it does not exist.
func fileMode(_ path: String) -> (permissions: mode_t, isDirectory: Bool)? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return (status.st_mode & 0o7777, status.st_mode & S_IFMT == S_IFDIR)
}

func writeFile(_ path: String, _ text: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "cannot create \(path)")
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
}

func readText(_ path: String) -> String? {
    (try? FileSystem.read(path)).map { String(decoding: $0, as: UTF8.self) }
}

extension String {
    /// Whether `needle`'s UTF-8 bytes occur in this string's, byte for byte (no Unicode equivalence, unlike
    /// `contains`): what a secret leaking into a log means.
    func containsBytes(of needle: String) -> Bool {
        let haystack = Array(utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        guard haystack.count >= pattern.count else { return false }
        return (0...(haystack.count - pattern.count)).contains { start in
            haystack[start] == pattern[0] && haystack[start..<start + pattern.count].elementsEqual(pattern)
        }
    }
}
