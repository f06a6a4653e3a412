import JiraCI

/// The documented exit codes. Scripts depend on these numbers.
enum ExitStatus: Int32 {
    case ok = 0
    case internalError = 1
    case usage = 2
    case authentication = 3
    case rejected = 4
    case unreachable = 5
    case gateNotPassed = 6
    case noKeys = 7
}

/// Thrown by a command that has already explained itself and only needs to exit with a status.
struct QuietExit: Error {
    let status: ExitStatus
}

/// Every typed error of the library, as one line for a person and an exit status for a script.
struct Failure {
    let status: ExitStatus
    let message: String

    init(_ error: any Error) {
        switch error {
        case let error as ConfigurationError:
            (status, message) = (.usage, Self.describe(error))
        case let error as GitError:
            (status, message) = (.usage, Self.describe(error))
        case let error as NoKeysFound:
            (status, message) = (.noKeys, "no issue keys found in \(error.where) (--require-keys is set)")
        case let error as JiraError:
            (status, message) = Self.describe(error)
        case let error as TransportFailure:
            (status, message) = Self.describe(error)
        case let error as HTTPError:
            (status, message) = Self.describe(TransportFailure(error: error, attempts: 1))
        case let error as QuietExit:
            (status, message) = (error.status, "")
        default:
            (status, message) = (.internalError, "unexpected internal error: \(error)")
        }
    }

    /// `--help` on a command group comes back from `run()` as an error the parser knows how to print.
    static func isParserMessage(_ error: any Error) -> Bool {
        JiraCICommand.exitCode(for: error) == .success
    }

    static func describe(_ error: ConfigurationError) -> String {
        switch error {
        case .missing(let variable, let hint):
            "\(variable.bothNames) is required: \(hint)"
        case .invalid(let variable, let value, let expected):
            "\(variable.bothNames) has '\(value)', expected \(expected)"
        case .invalidFlag(let flag, let value, let expected):
            "\(flag) has '\(value)', expected \(expected)"
        case .unreadableFile(let variable, let path, let reason):
            "cannot read \(path) given by \(variable.bothNames): \(reason)"
        case .conflict(let text):
            text
        }
    }

    static func describe(_ error: JiraError) -> (ExitStatus, String) {
        switch error {
        case .authenticationFailed(let text), .permissionDenied(let text): (.authentication, text)
        case .rejected(let text): (.rejected, text)
        case .unavailable(let text): (.unreachable, text)
        case .misconfigured(let text): (.usage, text)
        }
    }

    static func describe(_ failure: TransportFailure) -> (ExitStatus, String) {
        let tries = failure.attempts > 1 ? " (\(failure.attempts) attempts)" : ""
        switch failure.error {
        case .insecureURL(let url):
            return (.usage, "refusing plain http:// for \(url): credentials would cross the network unencrypted; use https:// (http is allowed for loopback hosts only)")
        case .invalidURL(let url):
            return (.usage, "'\(url)' is not a valid http(s) URL; check --jira-url and JIRA_CI_API_URL")
        case .unreadableCACertificate(let path, let reason):
            return (.usage, "cannot use the CA bundle \(path) given by --ca-cert (or JIRA_CI_CA_CERT): \(reason)")
        case .unresolvableHost(let host):
            return (.unreachable, "cannot resolve the host \(host)\(tries): check --jira-url or JIRA_CI_API_URL, DNS, and HTTPS_PROXY")
        case .connectionFailed(let host, let detail):
            return (.unreachable, "cannot connect to \(host)\(tries): \(detail)")
        case .tlsFailed(let host, let detail):
            return (.unreachable, "TLS with \(host) failed: \(detail); if a proxy inspects TLS, pass its CA certificate with --ca-cert (or JIRA_CI_CA_CERT)")
        case .timedOut(let host, let seconds):
            return (.unreachable, "\(host) did not answer within \(seconds) s\(tries); raise --timeout (or JIRA_CI_TIMEOUT) if Jira is slow")
        case .connectionDropped(let host, let detail):
            return (.unreachable, "\(host) dropped the connection\(tries): \(detail)")
        case .other(let host, let detail):
            return (.unreachable, "request to \(host) failed\(tries): \(detail)")
        }
    }

    static func describe(_ error: GitError) -> String {
        switch error {
        case .gitNotFound:
            "git was not found on PATH; install git or add it to PATH"
        case .notARepository(let path):
            "'\(path)' is not a git repository; run inside a checkout or pass --repo (or JIRA_CI_REPO)"
        case .unknownCommit(let revision):
            "git does not know the commit '\(revision)'; check --commit (or JIRA_CI_COMMIT), or fetch it first"
        case .failed(let command, let message):
            "\(command) failed: \(message.isEmpty ? "no message" : message)"
        }
    }
}

/// `--require-keys` turned "nothing to report" into a failure.
struct NoKeysFound: Error {
    let `where`: String
}
