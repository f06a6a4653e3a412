#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds Jira issue keys in text, byte by byte, without regular expressions or allocation per byte.
///
/// Scanning anchors on `-`, which is rare in prose compared with letters, so the hot loop is `memchr`.
public struct IssueKeyScanner: Sendable {
    /// Whether lower-case project parts are keys: yes in branch names, no in prose (where `sha-1` is no key).
    public enum LetterCase: Sendable {
        case upperOnly
        case any
    }

    static let maximumProjectLength = 256
    /// Jira's issue numbers are 64-bit; a longer run of digits is no issue number.
    static let maximumNumberLength = 18
    /// The longest key: what a streaming scan must be able to see whole.
    static let maximumKeyLength = maximumProjectLength + 1 + maximumNumberLength

    public let rules: IssueKeyRules

    public init(rules: IssueKeyRules = IssueKeyRules()) {
        self.rules = rules
    }

    public func keys(in text: String, letterCase: LetterCase) -> [String] {
        var found: [String] = []
        var copy = text
        copy.withUTF8 { bytes in
            scan(bytes, letterCase: letterCase) { found.append($0) }
        }
        return found
    }

    /// Calls `onKey` with each key, upper-cased, in text order.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, letterCase: LetterCase, onKey: (String) -> Void) {
        scan(bytes, letterCase: letterCase) { key, _ in onKey(key) }
    }

    /// Calls `onKey` with each key, upper-cased, and where it is in `bytes`, in text order.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, letterCase: LetterCase, onKey: (String, Range<Int>) -> Void) {
        guard let base = bytes.baseAddress, bytes.count >= 4 else { return }
        let count = bytes.count
        var position = 0
        while position < count {
            guard let hit = memchr(base + position, Int32(UInt8(ascii: "-")), count - position) else { return }
            let dash = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            position = dash + 1
            guard let numberEnd = issueNumberEnd(bytes, after: dash) else { continue }
            if let start = projectStart(bytes, before: dash, letterCase: letterCase) {
                onKey(Self.uppercasedString(bytes, from: start, to: numberEnd), start..<numberEnd)
                position = numberEnd
            }
        }
    }

    /// The end of a valid issue number after the dash: digits without a leading zero, then a boundary.
    private func issueNumberEnd(_ bytes: UnsafeBufferPointer<UInt8>, after dash: Int) -> Int? {
        var index = dash + 1
        guard index < bytes.count, bytes[index] >= UInt8(ascii: "1"), bytes[index] <= UInt8(ascii: "9") else {
            return nil
        }
        while index < bytes.count, ASCII.isDigit(bytes[index]) { index += 1 }
        guard index - dash - 1 <= Self.maximumNumberLength else { return nil }
        return UnicodeNeighbour.isBoundary(bytes, at: index) ? index : nil
    }

    /// The leftmost start of an acceptable project part that ends right before the dash.
    private func projectStart(_ bytes: UnsafeBufferPointer<UInt8>, before dash: Int, letterCase: LetterCase) -> Int? {
        var runStart = dash
        while runStart > 0, ASCII.isWordByte(bytes[runStart - 1]) { runStart -= 1 }
        guard dash - runStart >= 2 else { return nil }
        // Inside the run only `_` separates words, so a key may also start right after one.
        var candidate = runStart
        while candidate < dash - 1 {
            if candidate == runStart ? UnicodeNeighbour.isBoundary(bytes, before: candidate) : true,
                acceptsProject(bytes, from: candidate, to: dash, letterCase: letterCase)
            {
                return candidate
            }
            guard let nextUnderscore = (candidate..<dash).first(where: { bytes[$0] == UInt8(ascii: "_") }) else {
                return nil
            }
            candidate = nextUnderscore + 1
        }
        return nil
    }

    private func acceptsProject(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, letterCase: LetterCase
    ) -> Bool {
        let length = end - start
        guard length >= 2, length <= Self.maximumProjectLength, ASCII.isLetter(bytes[start]) else { return false }
        let project = Self.uppercasedString(bytes, from: start, to: end)
        let hasLowercase = (start..<end).contains { ASCII.isLowercase(bytes[$0]) }
        if hasLowercase && letterCase == .upperOnly {
            guard rules.matchesAnyCaseForAllowedProjects, rules.allowedProjects.contains(project) else {
                return false
            }
        }
        return rules.accepts(project: project)
    }

    static func uppercasedString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) {
                buffer[offset] = ASCII.uppercased(bytes[start + offset])
            }
            return end - start
        }
    }
}
