/// Transport failures: the request did not get an HTTP answer, or one jira-ci will not read.
public enum HTTPError: Error, Equatable, Sendable {
    /// Plain http:// to a host that is not loopback: refused before anything is sent.
    case insecureURL(String)
    case invalidURL(String)
    case unresolvableHost(String)
    case connectionFailed(host: String, detail: String)
    case tlsFailed(host: String, detail: String)
    case timedOut(host: String, seconds: Double)
    case connectionDropped(host: String, detail: String)
    case unreadableCACertificate(path: String, reason: String)
    /// An answer larger than jira-ci reads: not read on, never buffered.
    case responseTooLarge(host: String, limit: Int)
    /// A header value with a control character: never handed to libcurl, where it could forge headers.
    case invalidHeader(name: String)
    /// The run's time budget (a hook's, a background flush's) is spent.
    case deadlineReached(host: String)
    case other(host: String, detail: String)

    /// Worth another try within the run: the network or the server may recover in seconds. DNS and TLS problems
    /// do not, though the report still waits in the outbox for a later run (see `FailureClass`).
    public var isRetryable: Bool {
        switch self {
        case .connectionFailed, .timedOut, .connectionDropped, .deadlineReached: true
        default: false
        }
    }

    var shortDescription: String {
        switch self {
        case .connectionFailed(_, let detail), .connectionDropped(_, let detail): detail
        case .timedOut(_, let seconds): "no answer within \(Self.seconds(seconds))"
        case .deadlineReached: "the time budget is spent"
        default: description(attempts: 1)
        }
    }

    func description(attempts: Int) -> String {
        let tries = attempts > 1 ? " (\(attempts) attempts)" : ""
        switch self {
        case .insecureURL(let url):
            return
                "refusing plain http:// for \(url): credentials would cross the network unencrypted; use https:// (http is allowed for loopback hosts only, or for Jira Server with --allow-insecure-http)"
        case .invalidURL(let url):
            return "'\(url)' is not a valid http(s) URL; check --jira-url and JIRA_CI_API_URL"
        case .unreadableCACertificate(let path, let reason):
            return "cannot use the CA bundle \(path) given by --ca-cert (or JIRA_CI_CA_CERT): \(reason)"
        case .unresolvableHost(let host):
            return "cannot resolve the host \(host)\(tries): check --jira-url or JIRA_CI_API_URL, DNS, and HTTPS_PROXY"
        case .connectionFailed(let host, let detail):
            return "cannot connect to \(host)\(tries): \(detail)"
        case .tlsFailed(let host, let detail):
            return
                "TLS with \(host) failed: \(detail); if a proxy inspects TLS, pass its CA certificate with --ca-cert (or JIRA_CI_CA_CERT)"
        case .timedOut(let host, let seconds):
            return
                "\(host) did not answer within \(Self.seconds(seconds))\(tries); raise --timeout (or JIRA_CI_TIMEOUT) if Jira is slow"
        case .connectionDropped(let host, let detail):
            return "\(host) dropped the connection\(tries): \(detail)"
        case .responseTooLarge(let host, let limit):
            return
                "response too large: \(host) answered with more than \(limit / 1024 / 1024) MiB; jira-ci stopped reading"
        case .invalidHeader(let name):
            return "refusing to send the \(name) header: its value holds a control character"
        case .deadlineReached(let host):
            return "the time budget ran out before \(host) answered"
        case .other(let host, let detail):
            return "request to \(host) failed\(tries): \(detail)"
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(RetryPolicy.format(value))"
    }
}

extension HTTPError: CustomStringConvertible {
    public var description: String { description(attempts: 1) }
}
