#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@testable import JiraCI

// Shared helpers for the property and fuzz tests: a seeded generator (every run sees the same cases, so a
// failure reproduces), temporary folders, and sample reports.

/// SplitMix64 (Steele, Lea and Flood): tiny, fast, and good enough to drive tests. Always seeded explicitly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SplitMix64 {
    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int.random(in: 0..<choices.count, using: &self)]
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }

    /// Printable ASCII, space to `~`.
    mutating func ascii(_ count: Int) -> String {
        String(decoding: (0..<count).map { _ in UInt8.random(in: 0x20...0x7E, using: &self) }, as: UTF8.self)
    }

    /// Any Unicode scalars: ASCII and controls, Latin, CJK, emoji, combining marks, C1 controls.
    mutating func unicode(_ count: Int) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<count {
            let range: ClosedRange<UInt32> = pick([0x00...0x7F, 0x20...0x7E, 0x80...0x9F, 0xA0...0x24F, 0x300...0x36F,
                                                  0x2020...0x206F, 0x4E00...0x9FFF, 0x1F300...0x1FAFF, 0xE000...0xFFFD])
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &self)) { text.append(scalar) }
        }
        return String(text)
    }

    /// Cuts `count` into pieces of random sizes between 1 and `largest`.
    mutating func chunkSizes(total count: Int, largest: Int) -> [Int] {
        var sizes: [Int] = []
        var left = count
        while left > 0 {
            let size = min(left, Int.random(in: 1...max(1, largest), using: &self))
            sizes.append(size)
            left -= size
        }
        return sizes
    }

    /// `text` with one random byte-level edit: a byte replaced, inserted, deleted, or two swapped.
    mutating func mutated(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let interesting: [UInt8] = [0x00, 0x0A, 0x20, 0x2D, 0x30, 0x39, 0x3A, 0x2C, 0x7F, 0x80, 0xC3, 0xFF]
        switch Int.random(in: 0..<4, using: &self) {
        case 0 where !bytes.isEmpty:
            bytes[Int.random(in: 0..<bytes.count, using: &self)] =
                chance(0.5) ? pick(interesting) : UInt8.random(in: 0...255, using: &self)
        case 1:
            bytes.insert(chance(0.5) ? pick(interesting) : UInt8.random(in: 0...255, using: &self),
                         at: Int.random(in: 0...bytes.count, using: &self))
        case 2 where !bytes.isEmpty:
            bytes.remove(at: Int.random(in: 0..<bytes.count, using: &self))
        case 3 where bytes.count >= 2:
            let i = Int.random(in: 0..<bytes.count, using: &self)
            let j = Int.random(in: 0..<bytes.count, using: &self)
            bytes.swapAt(i, j)
        default:
            bytes.append(UInt8.random(in: 0...255, using: &self))
        }
        return bytes
    }
}

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
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async rethrows -> T {
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
        let haystack = Array(utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        guard haystack.count >= pattern.count else { return false }
        return (0...(haystack.count - pattern.count)).contains { start in
            haystack[start] == pattern[0] && haystack[start..<start + pattern.count].elementsEqual(pattern)
        }
    }
}
