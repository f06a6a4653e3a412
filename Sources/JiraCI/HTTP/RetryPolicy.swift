#if canImport(Glibc)
    import Glibc
#endif

/// When to try a request again, and how long to wait. Retrying a report is safe: Jira ignores an update whose
/// `updateSequenceNumber` is not newer than what it has.
public struct RetryPolicy: Sendable {
    /// The most `--retries` allows: more only multiplies the wait on a Jira that is down.
    public static let maximumRetries = 10

    public var retries: Int
    public var baseDelay: Double = 0.5
    public var maximumDelay: Double = 30
    /// A server's Retry-After (or rate limit reset) is honoured up to this long; past it, waiting is worse than
    /// failing.
    public var maximumRetryAfter: Double = 60
    /// Nothing waits past this; a run with a budget (a hook, a background flush) stops retrying when it is spent.
    public var deadline: Deadline = .none
    public var sleep: @Sendable (Double) -> Void = RetryPolicy.sleepSeconds
    /// Wall-clock seconds, for Retry-After dates and rate limit resets.
    public var now: @Sendable () -> Double = WallClock.secondsSinceEpoch

    public init(retries: Int, deadline: Deadline = .none) {
        self.retries = retries
        self.deadline = deadline
    }

    /// Sends `request` until it gets an answer worth returning or the retries run out. Transport errors
    /// that will not heal (DNS, TLS, refused plain http) are thrown at once.
    public func send(
        _ request: () throws -> HTTPRequest, with transport: any HTTPTransport, notice: (String) -> Void
    ) throws -> HTTPResponse {
        var attempt = 0
        while true {
            let built = try request()
            switch transport.attempt(built, deadline: deadline) {
            case .success(let response):
                guard attempt < retries, let delay = delay(for: response, attempt: attempt), fits(delay) else {
                    return response
                }
                let limit = RateLimit(response, now: now())
                let until = limit?.untilReset == true ? ", when the rate limit resets" : ""
                let named = Self.named(limit?.reason)
                notice(
                    "Jira answered \(response.status) to \(built.method) \(Self.host(built.url))\(named); "
                        + "retrying in \(Self.format(delay))\(until) (retry \(attempt + 1) of \(retries))")
                sleep(delay)
            case .failure(let error):
                let delay = backoff(attempt: attempt)
                guard error.isRetryable, attempt < retries, fits(delay) else {
                    throw TransportFailure(error: error, attempts: attempt + 1)
                }
                notice(
                    "\(Self.host(built.url)): \(error.shortDescription); retrying in \(Self.format(delay)) (retry \(attempt + 1) of \(retries))"
                )
                sleep(delay)
            }
            attempt += 1
        }
    }

    /// A wait that would run past the deadline is not worth starting.
    private func fits(_ delay: Double) -> Bool {
        deadline.remainingSeconds.map { delay < $0 } ?? true
    }

    /// nil when the answer is final.
    func delay(for response: HTTPResponse, attempt: Int) -> Double? {
        guard response.statusClass == .transient else { return nil }
        let limit = RateLimit(response, now: now())
        if resetsTooLate(limit) != nil { return nil }
        return limit?.wait.map { min($0, maximumRetryAfter) } ?? backoff(attempt: attempt)
    }

    /// The wait until a rate limit resets, when that is longer than a run waits: the report is better queued at
    /// once, like in any outage, than sent again into a limit that still holds.
    private func resetsTooLate(_ limit: RateLimit?) -> Double? {
        guard let limit, limit.untilReset, let wait = limit.wait, wait > maximumRetryAfter else { return nil }
        return wait
    }

    /// A transient answer that ended the tries, with the rate limit Jira named and how far away its reset is,
    /// for the error that leaves the report queued.
    public func lastAnswer(_ response: HTTPResponse, from source: LastAnswer.Source) -> LastAnswer {
        let limit = RateLimit(response, now: now())
        return LastAnswer(
            source: source, status: response.status, rateLimit: limit?.reason, resetsIn: resetsTooLate(limit),
            longestWait: maximumRetryAfter)
    }

    static func named(_ rateLimit: String?) -> String {
        rateLimit.map { " (rate limit: \($0))" } ?? ""
    }

    /// Exponential backoff with full jitter, so many agents retrying at once do not stampede.
    func backoff(attempt: Int) -> Double {
        let ceiling = min(maximumDelay, baseDelay * Double(1 << min(max(attempt, 0), 20)))
        return ceiling / 2 + Double.random(in: 0...(ceiling / 2))
    }

    static func sleepSeconds(_ seconds: Double) {
        guard seconds.isFinite, seconds > 0 else { return }
        let whole = min(seconds, 86_400)
        var request = timespec(tv_sec: Int(whole), tv_nsec: Int((whole - whole.rounded(.down)) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR {
            request = remaining
        }
    }

    static func format(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "? s" }
        let tenths = Int((min(seconds, 1e9) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }

    static func host(_ url: String) -> String {
        ParsedURL(url)?.host ?? "Jira"
    }
}
