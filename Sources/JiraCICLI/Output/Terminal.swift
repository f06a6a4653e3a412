import JiraCI

#if canImport(Glibc)
    import Glibc
#endif

/// The one way out: every byte jira-ci writes to stdout or stderr goes through here, where the run's secrets
/// (also when a server echoes them back) become `***` and control characters from commit messages, branch names or
/// server answers are shown escaped, so nothing can rewrite the terminal or split an error over lines.
///
/// stdout carries results (so `$(jira-ci keys)` works); stderr carries warnings and errors. Written with
/// unbuffered `write(2)`, so the two streams interleave in the order things happened.
enum Terminal {
    /// Knows every secret of the run: the configuration adds the credentials, the HTTP layer each token it
    /// learns.
    static let redactor = Redactor()

    /// Human output, a line each: each is escaped whole, so text from outside inside a line (a display name, a
    /// rejection message) that holds a line break cannot start a line of its own and forge one.
    static func output(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        write(STDOUT_FILENO, lines.map(TerminalText.oneLine).joined(separator: "\n"), newline: true)
    }

    static func output(line: String) {
        output([line])
    }

    /// The argument parser's help, usage and version text: jira-ci's own words, over several lines.
    static func help(_ text: String) {
        write(STDOUT_FILENO, TerminalText.escaped(text, keepingNewlines: true), newline: true)
    }

    /// Machine-readable output: secrets are masked inside the JSON strings, so the document stays valid JSON.
    static func json<T: Encodable>(_ value: T) throws {
        let document = try JSON.decode(JSONValue.self, from: JSON.encode(value))
        // JSON escapes C0 controls itself; C1 controls (which terminals act on too) get the same \u form.
        write(
            STDOUT_FILENO, TerminalText.jsonEscapingTerminalControls(try JSON.string(redacted(document), pretty: true)),
            newline: true)
    }

    @Sendable static func warning(_ text: String) {
        write(STDERR_FILENO, "jira-ci: warning: " + TerminalText.escaped(text, keepingNewlines: false), newline: true)
    }

    /// Not a failure: what the run is doing while it waits (a retry's pause).
    @Sendable static func notice(_ text: String) {
        write(STDERR_FILENO, "jira-ci: " + TerminalText.escaped(text, keepingNewlines: false), newline: true)
    }

    static func error(_ text: String) {
        write(STDERR_FILENO, "jira-ci: error: " + TerminalText.escaped(text, keepingNewlines: false), newline: true)
    }

    /// A line that belongs to the warning before it (a URL to copy), on stderr, indented.
    static func detail(_ text: String) {
        write(STDERR_FILENO, "  " + TerminalText.escaped(text, keepingNewlines: false), newline: true)
    }

    /// The `--verbose` trace: the HTTP layer has masked secret fields already; this masks again.
    @Sendable static func trace(_ text: String) {
        write(STDERR_FILENO, TerminalText.escaped(text, keepingNewlines: true), newline: true)
    }

    /// A progress line on a terminal, rewritten in place (`nil` clears it).
    static func progress(_ text: String?) {
        write(STDERR_FILENO, "\r\u{1B}[K" + (text.map { TerminalText.oneLine($0) } ?? ""), newline: false)
    }

    /// A question to the person at the terminal, on stderr so stdout stays clean.
    static func prompt(_ text: String) {
        write(STDERR_FILENO, text, newline: false)
    }

    /// The one deliberate exception: `auth server-login` hands the access token it obtained to the person or
    /// script that asked for it (only when stdout is not a terminal, or with --print).
    static func handOver(_ secret: Secret) {
        rawWrite(STDOUT_FILENO, Array((secret.value + "\n").utf8))
    }

    static var isStandardOutputTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var isStandardInputTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var isStandardErrorTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    private static func redacted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            .string(
                String(
                    decoding: URLCredentials.scrubbed(Array(redactor.redact(text, fields: false).utf8)), as: UTF8.self))
        case .array(let items): .array(items.map(redacted))
        case .object(let fields):
            .object(
                Dictionary(
                    fields.map { (redactor.redact($0.key, fields: false), redacted($0.value)) },
                    uniquingKeysWith: { first, _ in first }))
        default: value
        }
    }

    private static func write(_ descriptor: Int32, _ text: String, newline: Bool) {
        var bytes = URLCredentials.scrubbed(redactor.redact(bytes: Array(text.utf8), fields: false))
        if newline && bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        rawWrite(descriptor, bytes)
    }

    private static func rawWrite(_ descriptor: Int32, _ bytes: [UInt8]) {
        var rest = bytes[...]
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe (`| head`) is not an error worth reporting
            }
            rest = rest.dropFirst(written)
        }
    }
}
