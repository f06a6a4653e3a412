/// Why a value given for a setting was not understood, with the nearest accepted word when there is one.
public struct ValueError: Error, Equatable, Sendable, CustomStringConvertible {
    public let expected: String
    public let suggestion: String?
    /// What messages show of the input when the input itself must not be shown (a password in a URL).
    public let shownInput: String?

    public init(expected: String, suggestion: String? = nil, shownInput: String? = nil) {
        self.expected = expected
        self.suggestion = suggestion
        self.shownInput = shownInput
    }

    public var description: String {
        "expected \(expected)" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    }
}

/// A setting's value type: one parser, used for the flag (at parse time) and for its environment variable
/// alike, so both accept and refuse the same words with the same message.
public protocol SettingValue: Sendable {
    static func parse(_ text: String) throws(ValueError) -> Self
    /// What completions offer and help lists; empty for free-form values.
    static var valueWords: [String] { get }
}

extension SettingValue {
    public static var valueWords: [String] { [] }
}

/// A whole number in a range: counts whose extremes would hurt (a hundred retries, zero commits).
public protocol BoundedCount: SettingValue {
    static var range: ClosedRange<Int64> { get }
    var value: Int { get }
    init(value: Int)
}

extension BoundedCount {
    public static func parse(_ text: String) throws(ValueError) -> Self {
        let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard let number = Int64(text.trimmed), range.contains(number) else { throw ValueError(expected: expected) }
        return Self(value: Int(number))
    }
}

/// A duration in a range: `90`, `90s`, `500ms`, `10m`, `1h30m` (a bare number is seconds).
public protocol BoundedInterval: SettingValue {
    static var range: ClosedRange<Double> { get }
    var seconds: Double { get }
    init(seconds: Double)
}

extension BoundedInterval {
    public static func parse(_ text: String) throws(ValueError) -> Self {
        let examples = [("500ms", 0.5), ("3s", 3.0), ("90s", 90.0), ("10m", 600.0), ("1h", 3600.0)].filter { range.contains($0.1) }.map(\.0)
        let expected = "a duration from \(Interval.format(range.lowerBound)) to \(Interval.format(range.upperBound)), like " + examples.joined(separator: ", ")
        guard let seconds = Interval.seconds(text), range.contains(seconds) else { throw ValueError(expected: expected) }
        return Self(seconds: seconds)
    }
}

/// Durations as CI configuration writes them.
public enum Interval {
    static let units: [(String, Double)] = [("ms", 0.001), ("h", 3600), ("m", 60), ("s", 1)]

    /// Seconds, or nil when `text` is not a duration. Every part is range-checked, so no text can overflow.
    public static func seconds(_ text: String) -> Double? {
        var rest = Substring(text.trimmed.lowercased())
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        var first = true
        while !rest.isEmpty {
            let number = rest.prefix { ("0"..."9").contains($0) || $0 == "." }
            guard !number.isEmpty, number.count <= 12, number.filter({ $0 == "." }).count <= 1, let value = Double(number) else {
                return nil
            }
            rest = rest.dropFirst(number.count)
            if rest.isEmpty, first { return value }  // a bare number is seconds
            first = false
            guard let (unit, factor) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * factor
        }
        return total.isFinite ? total : nil
    }

    /// `1 s`, `500 ms`, `10 min`, `1 h`: for messages.
    public static func format(_ seconds: Double) -> String {
        if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600)) h" }
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60)) min" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

/// The closest of `words` to `word` (case-insensitive): a word it begins, or one at most two edits away.
public enum Suggestion {
    public static func nearest(to word: String, in words: [String]) -> String? {
        let lowered = word.lowercased()
        guard lowered.count >= 2 else { return nil }
        if let prefixed = words.first(where: { $0.lowercased().hasPrefix(lowered) }) { return prefixed }
        let scored = words.map { ($0, editDistance(lowered, $0.lowercased())) }.filter { $0.1 <= 2 && $0.1 < lowered.count }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

// The bounded settings, each with the range that keeps it useful.

/// `--timeout`: per request.
public struct RequestTimeout: BoundedInterval {
    public static let range = 1.0...3600.0
    public let seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
}

/// `--retries`.
public struct RetryCount: BoundedCount {
    public static let range: ClosedRange<Int64> = 0...Int64(RetryPolicy.maximumRetries)
    public let value: Int
    public init(value: Int) { self.value = value }
}

/// `--max-commits`.
public struct CommitLimit: BoundedCount {
    public static let range: ClosedRange<Int64> = 1...Int64(Int32.max)
    public let value: Int
    public init(value: Int) { self.value = value }
}

/// `gate --wait`.
public struct GateWait: BoundedInterval {
    public static let range = 0.0...86_400.0
    public let seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
}

/// `gate --poll`: under a second, a gate makes thousands of requests.
public struct PollInterval: BoundedInterval {
    public static let range = 1.0...3600.0
    public let seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
}

/// `--hook-budget`: how long a hook may hold a push.
public struct HookBudget: BoundedInterval {
    public static let range = 0.1...60.0
    public let seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
}

/// `flush --give-up-after`.
public struct FlushTimeLimit: BoundedInterval {
    public static let range = 1.0...86_400.0
    public let seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
}

/// A whole number of 0 or more that goes into a payload as int64: build, deployment and sequence numbers.
public struct PayloadNumber: SettingValue, Equatable {
    public let value: Int64
    public init(_ value: Int64) { self.value = value }

    public static func parse(_ text: String) throws(ValueError) -> PayloadNumber {
        guard let number = Int64(text.trimmed), number >= 0 else {
            throw ValueError(expected: "a whole number from 0 to \(Int64.max)")
        }
        return PayloadNumber(number)
    }
}
