import Testing

@testable import JiraCI

/// Rate-limited answers over a scripted transport: `X-RateLimit-Reset` when it is the only hint, the cap beyond
/// which the report is queued at once, `Retry-After` first, and the limit's name in what is said. The test clock
/// reads 1994-11-06T08:49:37Z.
struct RateLimitTests {
    static func limited(_ status: Int = 429, reset: String? = nil, retryAfter: String? = nil, reason: String? = nil)
        -> ScriptedTransport.Step
    {
        let headers = [("X-RateLimit-Reset", reset), ("Retry-After", retryAfter), ("RateLimit-Reason", reason)]
        return .answer(status, headers: headers.compactMap { name, value in value.map { (name, $0) } })
    }

    static func run(_ steps: [ScriptedTransport.Step], retries: Int = 3, budget: Double? = nil)
        -> RetryPolicySendTests.Run
    {
        RetryPolicySendTests.run(steps, retries: retries, budget: budget)
    }

    @Test(arguments: [429, 503])
    func aResetAsTheOnlyHintIsWaitedFor(status: Int) {
        let run = Self.run([Self.limited(status, reset: "1994-11-06T08:50:07Z"), .answer(202)])
        #expect(run.status == 202)
        #expect(run.clock.sleeps == [30])
        #expect(
            run.notices == [
                "Jira answered \(status) to POST api.atlassian.com; retrying in 30.0 s, when the rate limit resets (retry 1 of 3)"
            ])
    }

    @Test(arguments: [
        ("1994-11-06T08:50Z", 23.0),  // Atlassian's form, to the minute
        ("1994-11-06T09:50:07+01:00", 30),
        ("1994-11-06T03:20:07.5-05:30", 30.5),
        ("1994-11-06T08:50:37Z", 60),  // exactly the cap
        ("1994-11-06T08:49Z", 0),  // already past: at once
    ])
    func theWaitIsUntilTheResetInAnyForm(reset: String, seconds: Double) {
        let run = Self.run([Self.limited(reset: reset), .answer(202)])
        #expect(run.clock.sleeps == [seconds])
    }

    @Test func theLimitIsNamedInTheNotice() {
        let run = Self.run([Self.limited(reset: "1994-11-06T08:49:47Z", reason: "jira-burst-based"), .answer(202)])
        #expect(
            run.notices == [
                "Jira answered 429 to POST api.atlassian.com (rate limit: jira-burst-based); retrying in 10.0 s, when the rate limit resets (retry 1 of 3)"
            ])
        let backoff = Self.run([Self.limited(503, reason: "jira-quota-tenant-based"), .answer(202)])
        #expect(
            backoff.notices.first?.hasPrefix(
                "Jira answered 503 to POST api.atlassian.com (rate limit: jira-quota-tenant-based); retrying in ")
                == true)
    }

    @Test(arguments: ["1994-11-06T08:50:38Z", "1994-11-06T08:51Z", "1994-11-07T08:49Z", "9999-12-31T23:59Z"])
    func aResetBeyondTheCapIsNotWaitedForNorRetried(reset: String) {
        let run = Self.run([Self.limited(reset: reset, reason: "jira-quota-tenant-based")])
        #expect(run.status == 429)
        #expect(run.transport.sent.count == 1 && run.clock.sleeps.isEmpty && run.notices.isEmpty)
    }

    @Test func retryAfterWinsOverTheReset() {
        let sooner = Self.run([Self.limited(reset: "1994-11-06T08:50:07Z", retryAfter: "5"), .answer(202)])
        #expect(sooner.clock.sleeps == [5])
        #expect(sooner.notices.first?.contains("retrying in 5.0 s (retry 1 of 3)") == true)
        // Even when the reset is too far to wait for: Retry-After says to come back within the cap.
        let farReset = Self.run([Self.limited(reset: "1994-11-07T08:49Z", retryAfter: "7"), .answer(202)])
        #expect(farReset.clock.sleeps == [7] && farReset.status == 202)
        // And a long Retry-After is capped, not replaced by a nearer reset.
        let capped = Self.run([Self.limited(reset: "1994-11-06T08:49:47Z", retryAfter: "120"), .answer(202)])
        #expect(capped.clock.sleeps == [60])
        // A Retry-After that says nothing usable leaves the reset as the only hint.
        let garbage = Self.run([Self.limited(reset: "1994-11-06T08:50:07Z", retryAfter: "soon"), .answer(202)])
        #expect(garbage.clock.sleeps == [30])
    }

    @Test(arguments: [
        "tomorrow", "1711843260", "1994-11-06T08:50", "1994-13-06T08:50Z", "1994-11-06T25:00Z", "",
        "Sun, 06 Nov 1994 08:50:07 GMT",
    ])
    func aResetThatIsNoISOTimeMeansTheNormalBackoff(reset: String) {
        let run = Self.run([Self.limited(reset: reset), .answer(202)])
        #expect(run.clock.sleeps.count == 1 && (0.25...0.5).contains(run.clock.sleeps[0]), "\(run.clock.sleeps)")
        #expect(run.notices.first?.contains("when the rate limit resets") == false)
    }

    @Test(arguments: [500, 502, 504, 408])
    func onOtherErrorsTheRateLimitHeadersAreNotJirasWord(status: Int) {
        let run = Self.run([Self.limited(status, reset: "1994-11-07T08:49Z", reason: "jira-burst-based"), .answer(202)])
        #expect(run.transport.sent.count == 2 && run.clock.sleeps.count == 1 && run.clock.sleeps[0] <= 0.5)
        #expect(run.notices.first?.contains("rate limit") == false)
    }

    @Test func aResetPastTheBudgetIsNotWaitedFor() {
        let run = Self.run([Self.limited(reset: "1994-11-06T08:50:07Z")], budget: 20)
        #expect(run.status == 429 && run.transport.sent.count == 1 && run.clock.sleeps.isEmpty)
    }

    @Test func aReasonIsShownShortAndNeverEmpty() {
        let long = String(repeating: "x", count: 10_000)
        let limit = RateLimit(HTTPResponse(status: 429, headers: [("RateLimit-Reason", long)]), now: 0)
        #expect(limit?.reason?.count == RateLimit.reasonLength && limit?.reason?.hasSuffix("…") == true)
        #expect(RateLimit(HTTPResponse(status: 429, headers: [("RateLimit-Reason", "  ")]), now: 0)?.reason == nil)
        #expect(
            RateLimit(HTTPResponse(status: 429, headers: [("ratelimit-reason", " jira-burst-based ")]), now: 0)?.reason
                == "jira-burst-based")
    }

    // MARK: what a report that ends queued says

    static let policy = TestClock().policy(retries: 3)

    static func sentence(_ response: HTTPResponse, from source: LastAnswer.Source, policy: RetryPolicy = policy)
        -> String
    {
        JiraError.transientAnswer(policy.lastAnswer(response, from: source)).description
    }

    @Test func theLastAnswerNamesTheLimit() {
        let response = HTTPResponse(
            status: 429, headers: [("RateLimit-Reason", "jira-quota-tenant-based"), ("Retry-After", "5")])
        #expect(
            Self.policy.lastAnswer(response, from: .api("builds"))
                == LastAnswer(
                    source: .api("builds"), status: 429, rateLimit: "jira-quota-tenant-based", longestWait: 60))
        #expect(
            Self.sentence(response, from: .api("builds"))
                == "Jira kept answering HTTP 429 to the builds request (rate limit: jira-quota-tenant-based), through every retry"
        )
        #expect(
            Self.sentence(HTTPResponse(status: 503), from: .jiraServer)
                == "Jira Server kept answering HTTP 503, through every retry")
        #expect(
            Self.sentence(HTTPResponse(status: 502), from: .tokenEndpoint(url: "https://auth.example/token"))
                == "the token endpoint https://auth.example/token kept answering HTTP 502, through every retry")
    }

    @Test func theLastAnswerSaysWhenTheResetIsTooFar() {
        let response = HTTPResponse(
            status: 429,
            headers: [("X-RateLimit-Reset", "1994-11-06T08:51Z"), ("RateLimit-Reason", "jira-burst-based")])
        let answer = LastAnswer(
            source: .url("https://a.example"), status: 429, rateLimit: "jira-burst-based", resetsIn: 83,
            longestWait: 60)
        #expect(Self.policy.lastAnswer(response, from: .url("https://a.example")) == answer)
        #expect(
            Self.sentence(response, from: .api("builds"))
                == "Jira answered HTTP 429 to the builds request (rate limit: jira-burst-based); it resets in 83.0 s, later than jira-ci waits (60.0 s)"
        )
    }

    @Test func anyHeadersGiveAFiniteWaitWithinTheCapOrNone() {
        var random = SplitMix64(seed: 0x4E5E7)
        let pieces = [
            "1994-11-06T08:50:07Z", "1994-11-06T08:51Z", "9999-12-31T23:59:59.999+23:59", "0001-01-01T00:00-23:59",
            "99999999999", "-", "+", ".", ":", "T", "Z", "5", "60", "nan", " ", "é", "Sun, 06 Nov 1994 08:49:37 GMT",
        ]
        let clocks: [Double] = [
            0, TestClock.defaultWall, -1e18, 1e18, .greatestFiniteMagnitude, .nan, .infinity, -.infinity,
        ]
        for round in 0..<3000 {
            func header() -> String? {
                switch Int.random(in: 0..<3, using: &random) {
                case 0: nil
                case 1: (0..<Int.random(in: 1...3, using: &random)).map { _ in random.pick(pieces) }.joined()
                default: random.ascii(Int.random(in: 0...30, using: &random))
                }
            }
            let headers = [("X-RateLimit-Reset", header()), ("Retry-After", header()), ("RateLimit-Reason", header())]
                .compactMap { name, value in value.map { (name, $0) } }
            let clock = random.pick(clocks)
            var policy = RetryPolicy(retries: 3)
            policy.now = { clock }
            for status in [429, 503] {
                let response = HTTPResponse(status: status, headers: headers)
                if let delay = policy.delay(for: response, attempt: round % 25) {
                    #expect(delay.isFinite && delay >= 0 && delay <= policy.maximumRetryAfter, "\(headers) at \(clock)")
                }
                #expect(Self.sentence(response, from: .api("builds"), policy: policy).hasPrefix("Jira "))
            }
        }
    }
}
