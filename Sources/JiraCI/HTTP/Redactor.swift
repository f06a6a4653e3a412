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
            for form in Set([
                secret, PercentEncoding.encode(secret), jsonEscaped(secret, slashes: false),
                jsonEscaped(secret, slashes: true),
            ]) {
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
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: " ") || byte == 0x0A
            || byte == 0x0D
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ";")
    }
}
