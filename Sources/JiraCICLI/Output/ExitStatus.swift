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

    /// Errors to exit codes: the executable's own outcomes here, every other failure by the library's one
    /// table (`FailureClass`), which also decides what waits in the outbox. Every error describes itself
    /// (`CustomStringConvertible` beside its type); this only decides the number.
    init(for error: any Error) {
        switch error {
        case let quiet as QuietExit: self = quiet.status
        case is GateError: self = .gateNotPassed
        case let stopped as BackfillStopped: self = ExitStatus(for: stopped.reason)
        case is NoKeysFound: self = .noKeys
        default: self = ExitStatus(rawValue: FailureClass(error).exitStatus) ?? .internalError
        }
    }

    /// What `--soft-fail` turns into a warning: everything once the configuration is read. A mistake in the
    /// command line or the settings still fails, so it gets fixed.
    static func isSoftenable(_ error: any Error) -> Bool {
        switch error {
        case is QuietExit, is GateError, is NoKeysFound: false
        case let stopped as BackfillStopped: isSoftenable(stopped.reason)
        default: FailureClass(error).isSoftenable
        }
    }
}
