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

    /// The one table from errors to exit codes. Every error describes itself (`CustomStringConvertible`
    /// beside its type); this only decides the number.
    init(for error: any Error) {
        switch error {
        case let quiet as QuietExit: self = quiet.status
        case is ConfigurationError, is GitError, is ValueError, is FileSystem.Failure, is RSAPrivateKey.LoadError: self = .usage
        case let error as HTTPError: self = error.isConfigurationProblem ? .usage : .unreachable
        case let failure as TransportFailure: self = failure.error.isConfigurationProblem ? .usage : .unreachable
        case let error as JiraError:
            switch error {
            case .authenticationFailed, .permissionDenied: self = .authentication
            case .rejected: self = .rejected
            case .unavailable: self = .unreachable
            case .misconfigured: self = .usage
            }
        case is GateError: self = .gateNotPassed
        case let stopped as BackfillStopped: self = ExitStatus(for: stopped.reason)
        case is NoKeysFound: self = .noKeys
        default: self = .internalError
        }
    }

    /// What `--soft-fail` turns into a warning: everything once the configuration is read. A mistake in the
    /// command line or the settings still fails, so it gets fixed.
    static func isSoftenable(_ error: any Error) -> Bool {
        error is JiraError || ExitStatus(for: error) != .usage && ExitStatus(for: error) != .internalError
    }
}

/// Thrown by a command that has already explained itself and only needs to exit with a status.
struct QuietExit: Error {
    let status: ExitStatus
}

/// `--require-keys` turned "nothing to report" into a failure.
struct NoKeysFound: Error, CustomStringConvertible {
    let `where`: String

    var description: String { "no issue keys found in \(`where`) (--require-keys is set)" }
}
