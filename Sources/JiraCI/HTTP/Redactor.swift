import Synchronization

/// Hides secrets in text: every known secret value (also as it appears percent-encoded or JSON-escaped), the
/// values of sensitive headers, and the values of sensitive JSON fields and form or query parameters (tokens a
/// server hands back included).
///
/// One pass over the bytes with an Aho-Corasick automaton of all patterns, so redacting is linear in the text
/// whatever the number of secrets: 10 MB of a hostile answer costs milliseconds, not minutes.
public final class Redactor: Sendable {
    static let sensitiveHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]
    static let sensitiveFields = [
        "client_secret", "access_token", "refresh_token", "id_token", "oauth_token", "oauth_token_secret",
        "oauth_verifier", "oauth_signature", "password", "token", "private_key",
    ]
    static let mask: [UInt8] = Array("***".utf8)

    private struct State {
        var secrets: [String]
        var automaton: PatternAutomaton?
    }

    private let state: Mutex<State>

    public init(secrets: [String] = []) {
        state = Mutex(State(secrets: secrets.filter { !$0.isEmpty }, automaton: nil))
    }

    /// Secrets learned during the run (an access token just received) are hidden from then on.
    public func add(_ secret: String) {
        guard !secret.isEmpty else { return }
        state.withLock { state in
            guard !state.secrets.contains(secret) else { return }
            state.secrets.append(secret)
            state.automaton = nil
        }
    }

    public func header(name: String, value: String) -> String {
        Self.sensitiveHeaders.contains(name.lowercased()) ? "***" : redact(value)
    }

    /// - Parameter fields: also mask the values of sensitive JSON fields and parameters, as traces of requests
    ///   and answers need (a token arrives before anyone knows it is one); other output hides known secrets.
    public func redact(_ text: String, fields: Bool = true) -> String {
        String(decoding: redact(bytes: Array(text.utf8), fields: fields), as: UTF8.self)
    }

    public func redact(bytes text: [UInt8], fields: Bool = true) -> [UInt8] {
        let automaton = state.withLock { state in
            if state.automaton == nil { state.automaton = Self.compile(state.secrets) }
            return state.automaton!
        }
        let spans = Self.maskedSpans(in: text, automaton: automaton, fields: fields)
        guard !spans.isEmpty else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var position = 0
        for span in spans {
            output.append(contentsOf: text[position..<span.lowerBound])
            output.append(contentsOf: Self.mask)
            position = span.upperBound
        }
        output.append(contentsOf: text[position...])
        return output
    }

    enum PatternKind: Sendable {
        case secret
        /// `"field"`: the JSON string value that follows is masked.
        case jsonField
        /// `field=`: the parameter value that follows is masked.
        case parameter
    }

    private static func compile(_ secrets: [String]) -> PatternAutomaton {
        var patterns: [([UInt8], PatternKind)] = []
        for secret in secrets {
            for form in Set([secret, PercentEncoding.encode(secret), jsonEscaped(secret, slashes: false), jsonEscaped(secret, slashes: true)]) {
                patterns.append((Array(form.utf8), .secret))
            }
        }
        for field in sensitiveFields {
            patterns.append((Array("\"\(field)\"".utf8), .jsonField))
            patterns.append((Array("\(field)=".utf8), .parameter))
        }
        return PatternAutomaton(patterns)
    }

    /// The secret as it appears inside a JSON string.
    static func jsonEscaped(_ text: String, slashes: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/" where slashes: out += "\\/"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Byte ranges to replace with `***`, sorted and merged.
    static func maskedSpans(in text: [UInt8], automaton: PatternAutomaton, fields: Bool) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        // Values are looked through once: a field name inside a value already looked through starts nothing new.
        var lookedThrough = 0
        automaton.scan(text) { end, pattern in
            let start = end - pattern.length
            switch pattern.kind {
            case .secret:
                spans.append(start..<end)
            case .jsonField:
                guard fields, start >= lookedThrough, let value = jsonStringValue(text, after: end) else { return }
                lookedThrough = value.upperBound
                if !value.isEmpty { spans.append(value) }
            case .parameter:
                guard fields, start >= lookedThrough, start == 0 || !ASCII.isWordByte(text[start - 1]) else { return }
                var valueEnd = end
                while valueEnd < text.count, !parameterEnds(text[valueEnd]) { valueEnd += 1 }
                lookedThrough = valueEnd
                if valueEnd > end { spans.append(end..<valueEnd) }
            }
        }
        spans.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for span in spans {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// The contents of the JSON string after `"field"` and its colon, without the quotes.
    private static func jsonStringValue(_ text: [UInt8], after index: Int) -> Range<Int>? {
        var i = index
        while i < text.count, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ":")].contains(text[i]) { i += 1 }
        guard i < text.count, text[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        var j = start
        var escaped = false
        while j < text.count {
            if escaped {
                escaped = false
            } else if text[j] == UInt8(ascii: "\\") {
                escaped = true
            } else if text[j] == UInt8(ascii: "\"") {
                break
            }
            j += 1
        }
        return start..<j
    }

    private static func parameterEnds(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: " ") || byte == 0x0A || byte == 0x0D
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ";")
    }
}

/// An Aho-Corasick automaton over bytes whose memory is proportional to the patterns' total length: the trie's
/// edges are kept as sorted runs per state (most states have one), only the root has a full 256-entry table,
/// and failure and output links make the scan linear in the text. A full table per state would cost a KiB per
/// byte of every secret, so a server could make jira-ci use gigabytes by sending a long token.
struct PatternAutomaton: Sendable {
    struct Pattern: Sendable {
        let length: Int
        let kind: Redactor.PatternKind
    }

    let patterns: [Pattern]
    /// The root's transitions: a child, or the root itself (0).
    private var root = [Int32](repeating: 0, count: 256)
    /// State `s`'s edges are `edgeBytes[edgeStart[s]..<edgeStart[s + 1]]`, sorted, leading to `edgeTargets`.
    private var edgeStart: [Int32] = [0]
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    private var failure: [Int32] = [0]
    /// The pattern ending exactly at a state, or -1.
    private var output: [Int32] = [-1]
    /// The nearest state on the failure chain with a pattern of its own, or -1.
    private var outputLink: [Int32] = [-1]

    init(_ list: [([UInt8], Redactor.PatternKind)]) {
        // One pattern per byte string; a secret's masking wins over a field name spelt the same.
        var kinds: [[UInt8]: Redactor.PatternKind] = [:]
        for (bytes, kind) in list where !bytes.isEmpty {
            if kinds[bytes] == nil || kind == .secret { kinds[bytes] = kind }
        }
        let sorted = kinds.keys.sorted { $0.lexicographicallyPrecedes($1) }
        patterns = sorted.map { Pattern(length: $0.count, kind: kinds[$0]!) }

        // Breadth-first over the sorted patterns: the patterns below a state are a contiguous range of them,
        // and each child takes the sub-range that has its byte next, so every state's edges come out together.
        var ranges: [(range: Range<Int>, depth: Int)] = [(0..<sorted.count, 0)]
        var head = 0
        while head < ranges.count {
            let (range, depth) = ranges[head]
            let state = head
            head += 1
            var index = range.lowerBound
            while index < range.upperBound, sorted[index].count == depth {
                output[state] = Int32(index)
                index += 1
            }
            while index < range.upperBound {
                let byte = sorted[index][depth]
                var end = index + 1
                while end < range.upperBound, sorted[end][depth] == byte { end += 1 }
                let child = Int32(ranges.count)
                ranges.append((index..<end, depth + 1))
                failure.append(0)
                output.append(-1)
                outputLink.append(-1)
                if state == 0 {
                    root[Int(byte)] = child
                } else {
                    edgeBytes.append(byte)
                    edgeTargets.append(child)
                }
                index = end
            }
            edgeStart.append(Int32(edgeBytes.count))
        }
        // Failure links, breadth-first: a state's link is known before its children need it.
        for state in 0..<ranges.count {
            for (byte, child) in children(of: state) {
                let link = state == 0 ? 0 : step(failure[state], byte)
                failure[Int(child)] = link
                outputLink[Int(child)] = output[Int(link)] >= 0 ? link : outputLink[Int(link)]
            }
        }
    }

    private func children(of state: Int) -> [(UInt8, Int32)] {
        if state == 0 {
            return (0..<256).compactMap { root[$0] != 0 ? (UInt8($0), root[$0]) : nil }
        }
        return (Int(edgeStart[state])..<Int(edgeStart[state + 1])).map { (edgeBytes[$0], edgeTargets[$0]) }
    }

    /// The state after reading `byte` in `state`.
    @inline(__always)
    private func step(_ state: Int32, _ byte: UInt8) -> Int32 {
        var state = Int(state)
        while state != 0 {
            var edge = Int(edgeStart[state])
            let end = Int(edgeStart[state + 1])
            while edge < end, edgeBytes[edge] < byte { edge += 1 }
            if edge < end, edgeBytes[edge] == byte { return edgeTargets[edge] }
            state = Int(failure[state])
        }
        return root[Int(byte)]
    }

    /// Calls `match` with the end offset (exclusive) and pattern of every occurrence, in order of their ends.
    func scan(_ text: [UInt8], _ match: (Int, Pattern) -> Void) {
        var state: Int32 = 0
        for (offset, byte) in text.enumerated() {
            state = step(state, byte)
            var found = output[Int(state)] >= 0 ? state : outputLink[Int(state)]
            while found >= 0 {
                match(offset + 1, patterns[Int(output[Int(found)])])
                found = outputLink[Int(found)]
            }
        }
    }

    /// What the automaton holds, in bytes: for checking that it grows with the patterns, not with the alphabet.
    var footprint: Int {
        root.count * 4 + edgeStart.count * 4 + edgeBytes.count + edgeTargets.count * 4 + failure.count * 4 + output.count * 4
            + outputLink.count * 4
    }
}
