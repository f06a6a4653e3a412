/// An answer worth waiting out (408, 429, 5xx) that ended the tries of a request: the retries ran out, or the
/// rate limit it names resets later than a run waits. The report it leaves behind waits in the outbox; the
/// sentence is `JiraError.transientAnswer`'s.
public struct LastAnswer: Sendable, Equatable {
    /// Who gave the answer, so the user knows which address or setting is at stake.
    public enum Source: Sendable, Equatable {
        /// Jira Cloud's API for builds, deployments or devinfo.
        case api(String)
        case jiraServer
        /// An OAuth 2.0 token endpoint (Atlassian's, or a Data Center's for service accounts).
        case tokenEndpoint(url: String)
        /// Any other address a setting points at (the tenant info or server info of a site).
        case url(String)
    }

    public var source: Source
    public var status: Int
    /// The limit Jira named in `RateLimit-Reason`.
    public var rateLimit: String?
    /// Seconds until the rate limit resets, when that is later than `longestWait`: then no retry was made.
    public var resetsIn: Double?
    /// The longest wait for a reset or a `Retry-After` that a run accepts.
    public var longestWait: Double
}
