/// The one table of what becomes of a failure: whether the report waits in the outbox, the exit status, and
/// whether `--soft-fail` may turn it into a warning. Every exit 5 is a report that waits (or a line that says
/// why it could not), because this table decides both.
public enum FailureClass: Sendable, Equatable, CaseIterable {
    /// Jira may be fine, only out of reach or overloaded now: connection refused or cut, DNS, timeouts, TLS,
    /// 408/429/5xx after the retries, an answer cut off, too large or unreadable, the token endpoint so. The
    /// report waits in the outbox.
    case transient
    /// Jira refused the data: sending it again would be refused again.
    case rejected
    /// Jira refused the credentials or their permission: queued reports keep waiting for fixed ones, a fresh
    /// report is not queued.
    case refused
    /// A setting is wrong (a URL, a file, a value): no retry, no queue, until it is fixed.
    case configuration
    /// Jira's answer shows a setting points at the wrong place (no API at the URL, a site that tells no
    /// cloudId): exit 2 like a wrong setting, not queued, but found only by asking Jira, so `--soft-fail`
    /// makes it a warning.
    case misdirected
    /// A mistake of jira-ci's own.
    case internalError

    public init(_ error: any Error) {
        switch error {
        case let failure as TransportFailure: self = Self(failure.error)
        case let error as HTTPError:
            switch error {
            case .insecureURL, .invalidURL, .unreadableCACertificate, .invalidHeader: self = .configuration
            case .unresolvableHost, .connectionFailed, .tlsFailed, .timedOut, .connectionDropped, .responseTooLarge,
                .deadlineReached,
                .other:
                self = .transient
            }
        case let error as JiraError:
            switch error {
            case .serverAuthRefused, .verifierRefused, .serviceAccountRefused, .clientCredentialsRefused,
                .freshTokenRefused, .apiForbidden, .gatingForbidden, .someAPIsForbidden, .noVisibleProject:
                self = .refused
            case .requestRejected, .reportNotAccepted, .reportPartlyAccepted, .backfillEntitiesFailed:
                self = .rejected
            case .transientAnswer, .noUsableToken, .noOAuthToken, .noGatingStatus, .unconfirmed, .unexpectedStatus,
                .unqueued, .stillWaiting:
                self = .transient
            case .noRestAPI, .noTokenEndpoint, .noOAuthEndpoint, .noAPI, .foreignAnswer, .foreignTokenAnswer,
                .noCloudId, .signingFailed:
                self = .misdirected
            }
        case is ConfigurationError, is GitError, is ValueError, is FileSystem.Failure, is RSAPrivateKey.LoadError:
            self = .configuration
        default:
            self = .internalError
        }
    }

    /// Whether a fresh report that failed so waits in the outbox.
    public var queues: Bool { self == .transient }

    /// The documented exit status.
    public var exitStatus: Int32 {
        switch self {
        case .transient: 5
        case .rejected: 4
        case .refused: 3
        case .configuration, .misdirected: 2
        case .internalError: 1
        }
    }

    /// `--soft-fail` turns everything after the configuration into a warning; a mistake in the settings (or in
    /// jira-ci) still fails, so it gets fixed.
    public var isSoftenable: Bool {
        switch self {
        case .transient, .rejected, .refused, .misdirected: true
        case .configuration, .internalError: false
        }
    }
}
