#if canImport(Glibc)
import Glibc
#endif

/// stdout carries results (so `$(jira-ci keys)` works); stderr carries warnings and errors.
/// Written with unbuffered `write(2)`, so the two streams interleave in the order things happened.
enum Terminal {
    static func output(_ text: String) {
        write(STDOUT_FILENO, text.hasSuffix("\n") ? text : text + "\n")
    }

    @Sendable static func warning(_ text: String) {
        write(STDERR_FILENO, "jira-ci: warning: \(text)\n")
    }

    static func error(_ text: String) {
        write(STDERR_FILENO, "jira-ci: error: \(text)\n")
    }

    /// The `--verbose` trace; the HTTP layer has already replaced every secret.
    @Sendable static func trace(_ text: String) {
        write(STDERR_FILENO, text.hasSuffix("\n") ? text : text + "\n")
    }

    /// A question to the person at the terminal, on stderr so stdout stays clean.
    static func prompt(_ text: String) {
        write(STDERR_FILENO, text)
    }

    static var isStandardOutputTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var isStandardInputTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    private static func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe (`| head`) is not an error worth reporting
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
