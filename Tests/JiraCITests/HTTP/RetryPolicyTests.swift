import Testing

@testable import JiraCI

/// When to retry and how long to wait: a server's Retry-After is honoured up to a cap, and no header can make
/// the wait negative, infinite or NaN (which would trap a sleep or a format).
struct RetryAfterTests {
    /// Sun, 06 Nov 1994 08:49:37 GMT.
    static let now = 784_111_777.0

    @Test(arguments: [
        ("7", 7.0 as Double?),
        (" 7 ", 7),
        ("0", 0),
        ("000120", 120),
        ("999999999", 999_999_999),
        // Longer than any clock: simply long, the cap applies.
        ("1234567890", .greatestFiniteMagnitude),
        (String(repeating: "9", count: 400), .greatestFiniteMagnitude),
        // HTTP dates, from now.
        ("Sun, 06 Nov 1994 08:49:47 GMT", 10),
        ("Sun, 06 Nov 1994 09:49:37 GMT", 3600),
        ("Sun, 06 Nov 1994 08:49:37 GMT", 0),
        // A date in the past means now.
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
        // Neither: the normal backoff.
        ("", nil),
        ("-5", nil),
        ("+5", nil),
        ("1.5", nil),
        ("1e400", nil),
        ("nan", nil),
        ("NaN", nil),
        ("inf", nil),
        ("infinity", nil),
        ("0x10", nil),
        ("٣", nil),
        ("5 s", nil),
        ("Fri, 31 Dec 99999999999 23:59:59 GMT", nil),
        ("tomorrow", nil),
    ])
    func retryAfterIsDelaySecondsOrADate(header: String, seconds: Double?) {
        #expect(RateLimit.retryAfter(header, now: Self.now) == seconds)
    }

    @Test func aDateNeedsAFiniteClock() {
        #expect(RateLimit.retryAfter("Sun, 06 Nov 1994 08:49:47 GMT", now: .nan) == nil)
        #expect(RateLimit.retryAfter("Sun, 06 Nov 1994 08:49:47 GMT", now: .infinity) == nil)
        #expect(RateLimit.retryAfter("Sun, 06 Nov 1994 08:49:47 GMT", now: -.infinity) == nil)
        #expect(RateLimit.retryAfter("12", now: .nan) == 12)
    }

    static func policy() -> RetryPolicy {
        var policy = RetryPolicy(retries: 3)
        policy.now = { RetryAfterTests.now }
        return policy
    }

    @Test(arguments: [429, 503])
    func throttlingHonoursRetryAfterUpToTheCap(status: Int) {
        let policy = Self.policy()
        func delay(_ header: String) -> Double? {
            policy.delay(for: HTTPResponse(status: status, headers: [("Retry-After", header)]), attempt: 0)
        }
        #expect(delay("7") == 7)
        #expect(delay("60") == 60)
        #expect(delay("61") == policy.maximumRetryAfter)
        #expect(delay("3600") == 60)
        #expect(delay(String(repeating: "9", count: 40)) == 60)
        #expect(delay("Sun, 06 Nov 1994 08:49:47 GMT") == 10)
        #expect(delay("Mon, 07 Nov 1994 08:49:37 GMT") == 60)
        #expect(delay("Sat, 05 Nov 1994 08:49:37 GMT") == 0)
        // The header's name is case-insensitive, and the last one counts.
        #expect(policy.delay(for: HTTPResponse(status: status, headers: [("retry-after", "3")]), attempt: 0) == 3)
        #expect(
            policy.delay(
                for: HTTPResponse(status: status, headers: [("Retry-After", "3"), ("RETRY-AFTER", "4")]), attempt: 0)
                == 4)
    }

    @Test(arguments: [429, 503])
    func throttlingWithoutAUsableHeaderBacksOff(status: Int) {
        let policy = Self.policy()
        for header in [nil, "-5", "1e400", "nan", "inf", "soon"] as [String?] {
            for attempt in 0..<12 {
                let response = HTTPResponse(status: status, headers: header.map { [("Retry-After", $0)] } ?? [])
                let delay = policy.delay(for: response, attempt: attempt)
                let ceiling = min(policy.maximumDelay, policy.baseDelay * Double(1 << attempt))
                #expect(
                    delay.map { $0 >= ceiling / 2 && $0 <= ceiling } == true,
                    "\(status) \(header ?? "-") attempt \(attempt)")
            }
        }
    }

    @Test(arguments: [500, 502, 504, 599])
    func serverErrorsBackOffAndIgnoreRetryAfter(status: Int) {
        let policy = Self.policy()
        let delay = policy.delay(for: HTTPResponse(status: status, headers: [("Retry-After", "50")]), attempt: 0)
        #expect(delay.map { $0 >= 0.25 && $0 <= 0.5 } == true)
    }

    @Test(arguments: [200, 201, 202, 204, 301, 400, 401, 403, 404, 409, 413, 422, 600])
    func otherAnswersAreFinal(status: Int) {
        let policy = Self.policy()
        #expect(policy.delay(for: HTTPResponse(status: status, headers: [("Retry-After", "5")]), attempt: 0) == nil)
    }

    @Test func backoffGrowsWithJitterWithinBounds() {
        let policy = RetryPolicy(retries: 3)
        for attempt in [-5, -1, 0, 1, 2, 3, 5, 7, 8, 20, 64, Int.max] {
            let ceiling = min(policy.maximumDelay, policy.baseDelay * Double(1 << min(max(attempt, 0), 20)))
            for _ in 0..<20 {
                let delay = policy.backoff(attempt: attempt)
                #expect(delay >= ceiling / 2 && delay <= ceiling, "attempt \(attempt)")
            }
        }
    }

    @Test func anyHeaderGivesAFiniteNonNegativeWaitWithinTheCap() {
        var random = SplitMix64(seed: 0x5E77)
        let pieces = [
            "0", "9", "99999999999999", "-", "+", ".", "e", "nan", "inf", " ", "Sun, 06 Nov 1994 08:49:37 GMT",
            "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "GMT", "\t", "é",
        ]
        let clocks: [Double] = [
            0, Self.now, -1e18, 1e18, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .nan, .infinity, -.infinity,
        ]
        for round in 0..<3000 {
            let header =
                round % 2 == 0
                ? (0..<Int.random(in: 1...4, using: &random)).map { _ in random.pick(pieces) }.joined()
                : random.ascii(Int.random(in: 0...32, using: &random))
            let clock = random.pick(clocks)
            var policy = RetryPolicy(retries: 3)
            policy.now = { clock }
            if let wait = RateLimit.retryAfter(header, now: clock) {
                #expect(!wait.isNaN && wait >= 0, "'\(header)' at \(clock)")
            }
            for status in [429, 503, 500] {
                let delay = policy.delay(
                    for: HTTPResponse(status: status, headers: [("Retry-After", header)]), attempt: round % 25)
                #expect(
                    delay.map { $0.isFinite && $0 >= 0 && $0 <= policy.maximumRetryAfter } == true,
                    "'\(header)' at \(clock)")
                // What the notice shows of it never traps either.
                #expect(delay.map { RetryPolicy.format($0).hasSuffix(" s") } == true)
            }
        }
    }

    @Test(arguments: [
        (0.0, "0.0 s"), (0.04, "0.0 s"), (0.05, "0.1 s"), (0.25, "0.3 s"), (1, "1.0 s"), (7.5, "7.5 s"), (60, "60.0 s"),
        (1e12, "1000000000.0 s"), (.greatestFiniteMagnitude, "1000000000.0 s"),
        (.nan, "? s"), (.infinity, "? s"), (-.infinity, "? s"),
    ])
    func waitsAreShownInTenthsOfSeconds(seconds: Double, text: String) {
        #expect(RetryPolicy.format(seconds) == text)
    }

    @Test func sleepingANonFiniteOrNegativeTimeReturnsAtOnce() {
        // Would block (or trap converting to timespec) if the guard were missing.
        RetryPolicy.sleepSeconds(.nan)
        RetryPolicy.sleepSeconds(-.infinity)
        RetryPolicy.sleepSeconds(-1)
        RetryPolicy.sleepSeconds(0)
    }
}
