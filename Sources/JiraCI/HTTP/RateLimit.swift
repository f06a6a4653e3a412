/// What a throttled answer (429, or 503) says about coming back: `Retry-After` (seconds or an HTTP date), or, when
/// that gives no usable wait, Atlassian's `X-RateLimit-Reset` (an ISO 8601 time); and `RateLimit-Reason`, the limit
/// that was hit (`jira-burst-based`, `jira-quota-tenant-based`, …). These headers mean something on 429 and 503
/// (RFC 9110); on other answers they are not Jira's word.
public struct RateLimit: Sendable, Equatable {
    /// Seconds from now until Jira takes requests again, never negative; nil when no header says so usably.
    public var wait: Double?
    /// `wait` comes from `X-RateLimit-Reset`: a reset further away than a run waits is not waited for at all.
    public var untilReset: Bool
    /// The limit Jira names, cut to a readable length.
    public var reason: String?

    /// A reason longer than this is no name of a limit; it is shown cut.
    static let reasonLength = 100

    /// nil for answers other than 429 and 503.
    public init?(_ response: HTTPResponse, now: Double) {
        guard [429, 503].contains(response.status) else { return nil }
        if let wait = response.header("Retry-After").flatMap({ Self.retryAfter($0, now: now) }) {
            (self.wait, untilReset) = (wait, false)
        } else if let reset = response.header("X-RateLimit-Reset").flatMap(ISO8601Time.parse), now.isFinite {
            (self.wait, untilReset) = (max(0, reset - now), true)
        } else {
            (wait, untilReset) = (nil, false)
        }
        reason = response.header("RateLimit-Reason").map(\.trimmed).flatMap {
            $0.isEmpty ? nil : FieldLimits.fitted($0, limit: Self.reasonLength)
        }
    }

    /// `delay-seconds` (digits only, RFC 9110) or an HTTP date, as seconds from now; nil when it is neither,
    /// which means the normal backoff. Numbers too large for any clock are simply long: the cap applies.
    static func retryAfter(_ value: String, now: Double) -> Double? {
        let text = value.trimmed
        if !text.isEmpty, text.utf8.allSatisfy(ASCII.isDigit) {
            return text.utf8.count > 9 ? .greatestFiniteMagnitude : Double(text)
        }
        guard let date = HTTPDate.parse(text), now.isFinite else { return nil }
        return max(0, date - now)
    }
}
