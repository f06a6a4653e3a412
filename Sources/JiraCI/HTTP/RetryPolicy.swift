#if canImport(Glibc)
import Glibc
#endif

/// When to try a request again, and how long to wait. Retrying a report is safe: Jira ignores an update whose
/// `updateSequenceNumber` is not newer than what it has.
public struct RetryPolicy: Sendable {
    public var retries: Int
    public var baseDelay: Double = 0.5
    public var maximumDelay: Double = 30
    /// A server's Retry-After is honoured up to this long; past it, waiting is worse than failing.
    public var maximumRetryAfter: Double = 60
    public var sleep: @Sendable (Double) -> Void = RetryPolicy.sleepSeconds
    public var now: @Sendable () -> Double = { Double(Clock.microsecondsSinceEpoch()) / 1_000_000 }

    public init(retries: Int) {
        self.retries = retries
    }

    /// Sends `request` until it gets an answer worth returning or the retries run out. Transport errors
    /// that will not heal (DNS, TLS, refused plain http) are thrown at once.
    public func send(
        _ request: () throws -> HTTPRequest, with client: HTTPClient, notice: (String) -> Void
    ) throws -> HTTPResponse {
        var attempt = 0
        while true {
            let built = try request()
            switch client.attempt(built) {
            case .success(let response):
                guard attempt < retries, let delay = delay(for: response, attempt: attempt) else { return response }
                notice("Jira answered \(response.status) to \(built.method) \(Self.host(built.url)); retrying in \(Self.format(delay)) (retry \(attempt + 1) of \(retries))")
                sleep(delay)
            case .failure(let error):
                guard error.isTransient, attempt < retries else { throw TransportFailure(error: error, attempts: attempt + 1) }
                let delay = backoff(attempt: attempt)
                notice("\(Self.host(built.url)): \(Self.describe(error)); retrying in \(Self.format(delay)) (retry \(attempt + 1) of \(retries))")
                sleep(delay)
            }
            attempt += 1
        }
    }

    /// nil when the answer is final.
    func delay(for response: HTTPResponse, attempt: Int) -> Double? {
        switch response.status {
        case 429, 503:
            if let header = response.header("Retry-After"), let wait = Self.retryAfter(header, now: now()) {
                return min(wait, maximumRetryAfter)
            }
            return backoff(attempt: attempt)
        case 500...599:
            return backoff(attempt: attempt)
        default:
            return nil
        }
    }

    /// Exponential backoff with full jitter, so many agents retrying at once do not stampede.
    func backoff(attempt: Int) -> Double {
        let ceiling = min(maximumDelay, baseDelay * Double(1 << min(attempt, 20)))
        return ceiling / 2 + Double.random(in: 0...(ceiling / 2))
    }

    /// Seconds (`120`) or an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`), as seconds from now.
    static func retryAfter(_ value: String, now: Double) -> Double? {
        let text = value.trimmed
        if let seconds = Double(text) { return max(0, seconds) }
        guard let date = HTTPDate.parse(text) else { return nil }
        return max(0, date - now)
    }

    static func sleepSeconds(_ seconds: Double) {
        guard seconds > 0 else { return }
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR {
            request = remaining
        }
    }

    static func format(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }

    static func host(_ url: String) -> String {
        URLParts(url)?.host ?? url
    }

    static func describe(_ error: HTTPError) -> String {
        switch error {
        case .connectionFailed(_, let detail), .connectionDropped(_, let detail): detail
        case .timedOut(_, let seconds): "no answer within \(seconds) s"
        default: "\(error)"
        }
    }
}

/// A request that got no HTTP answer, after every retry. The command layer explains it by its cause.
public struct TransportFailure: Error, Sendable, Equatable {
    public let error: HTTPError
    public let attempts: Int

    public init(error: HTTPError, attempts: Int) {
        self.error = error
        self.attempts = attempts
    }
}

/// RFC 7231 IMF-fixdate, the form servers use in Retry-After and Date.
public enum HTTPDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    public static func parse(_ text: String) -> Double? {
        // "Sun, 06 Nov 1994 08:49:37 GMT"
        let parts = text.split(separator: " ")
        guard parts.count == 6, let day = Int(parts[1]), let month = months.firstIndex(of: parts[2].lowercased()),
            let year = Int(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var moment = tm()
        moment.tm_year = Int32(year - 1900)
        moment.tm_mon = Int32(month)
        moment.tm_mday = Int32(day)
        moment.tm_hour = Int32(clock[0])
        moment.tm_min = Int32(clock[1])
        moment.tm_sec = Int32(clock[2])
        return Double(timegm(&moment))
    }
}
