import Testing

@testable import JiraCI

/// `RetryPolicy.send` over a scripted transport: what is retried and how often, how long each wait is, and when
/// the run's time budget stops it. Time passes on a `TestClock`; nothing sleeps.
struct RetryPolicySendTests {
    static let url = "https://api.atlassian.com/jira/builds/0.1/cloud/cloud-1/bulk"

    /// What one `send` did: the answer or the error, the requests made, the waits and the notices.
    struct Run {
        var result: Result<HTTPResponse, any Error>
        var transport: ScriptedTransport
        var clock: TestClock
        var notices: [String]
        var built: Int

        var status: Int? { try? result.get().status }
        var failure: TransportFailure? {
            if case .failure(let error) = result { error as? TransportFailure } else { nil }
        }
    }

    static func run(
        _ steps: [ScriptedTransport.Step], retries: Int = 3, budget: Double? = nil, clock: TestClock = TestClock()
    ) -> Run {
        let transport = ScriptedTransport(steps, clock: clock)
        let policy = clock.policy(retries: retries, deadline: budget.map(clock.deadline(after:)) ?? .none)
        var notices: [String] = []
        var built = 0
        let result = Result<HTTPResponse, any Error> {
            try policy.send(
                {
                    built += 1
                    return HTTPRequest.json("POST", url, body: Array("{}".utf8))
                }, with: transport, notice: { notices.append($0) })
        }
        return Run(result: result, transport: transport, clock: clock, notices: notices, built: built)
    }

    // MARK: what is retried, and how often

    @Test(arguments: [408, 429, 500, 502, 503, 504, 599])
    func transientAnswersAreRetriedUpToTheRetryCount(status: Int) {
        let run = Self.run(Array(repeating: .answer(status), count: 4), retries: 3)
        #expect(run.status == status)
        #expect(run.transport.sent.count == 4)
        #expect(run.clock.sleeps.count == 3)
        #expect(run.notices.count == 3)
        for (index, notice) in run.notices.enumerated() {
            #expect(notice.hasPrefix("Jira answered \(status) to POST api.atlassian.com; retrying in "), "\(notice)")
            #expect(notice.hasSuffix("(retry \(index + 1) of 3)"), "\(notice)")
        }
    }

    @Test(arguments: [429, 503, 500])
    func aTransientAnswerThenAnAcceptedOneStopsRetrying(status: Int) {
        let run = Self.run([.answer(status), .answer(202)], retries: 3)
        #expect(run.status == 202)
        #expect(run.transport.sent.count == 2 && run.clock.sleeps.count == 1)
    }

    @Test(arguments: [
        HTTPError.timedOut(host: "api.atlassian.com", seconds: 30),
        .connectionDropped(host: "api.atlassian.com", detail: "Connection reset by peer"),
        .connectionFailed(host: "api.atlassian.com", detail: "Connection refused"),
    ])
    func transportFailuresThatMayHealAreRetriedThenThrownWithTheirCount(error: HTTPError) {
        let run = Self.run(Array(repeating: .fail(error), count: 3), retries: 2)
        #expect(run.failure == TransportFailure(error: error, attempts: 3))
        #expect(run.transport.sent.count == 3 && run.clock.sleeps.count == 2)
        #expect(
            run.notices.allSatisfy { $0.hasPrefix("api.atlassian.com: ") && $0.contains("; retrying in ") },
            "\(run.notices)")
    }

    @Test func aDroppedConnectionThenAnAnswerIsTheAnswer() {
        let run = Self.run([.fail(.connectionDropped(host: "api.atlassian.com", detail: "reset")), .answer(202)])
        #expect(run.status == 202 && run.transport.sent.count == 2)
    }

    @Test(arguments: [200, 201, 202, 204, 301, 400, 401, 403, 404, 409, 413, 422])
    func otherAnswersAreReturnedAtOnce(status: Int) {
        let run = Self.run([.answer(status, headers: [("Retry-After", "1")])], retries: 3)
        #expect(run.status == status)
        #expect(run.transport.sent.count == 1 && run.clock.sleeps.isEmpty && run.notices.isEmpty)
    }

    @Test(arguments: [
        HTTPError.unresolvableHost("api.atlassian.com"),
        .tlsFailed(host: "api.atlassian.com", detail: "certificate verify failed"),
        .insecureURL("http://jira.example.com"),
        .invalidURL("https://"),
        .invalidHeader(name: "Authorization"),
        .responseTooLarge(host: "api.atlassian.com", limit: HTTPClient.maximumResponseBytes),
        .other(host: "api.atlassian.com", detail: "?"),
    ])
    func failuresThatWillNotHealWithinTheRunAreThrownAtOnce(error: HTTPError) {
        let run = Self.run([.fail(error)], retries: 3)
        #expect(run.failure == TransportFailure(error: error, attempts: 1))
        #expect(run.transport.sent.count == 1 && run.clock.sleeps.isEmpty && run.notices.isEmpty)
    }

    @Test func noRetriesMeansOneAttempt() {
        let answered = Self.run([.answer(503)], retries: 0)
        #expect(answered.status == 503 && answered.transport.sent.count == 1)
        let failed = Self.run([.fail(.timedOut(host: "api.atlassian.com", seconds: 30))], retries: 0)
        #expect(failed.failure?.attempts == 1 && failed.transport.sent.count == 1)
    }

    /// Jira Server's OAuth 1.0a signatures carry a nonce and a timestamp: a retry must sign again, not resend.
    @Test func everyAttemptBuildsItsRequestAfresh() {
        let run = Self.run([.answer(503), .answer(502), .answer(200)], retries: 3)
        #expect(run.built == 3 && run.transport.sent.count == 3)
    }

    @Test func aRequestThatCannotBeBuiltIsNotSent() {
        let transport = ScriptedTransport([])
        #expect(throws: JiraError.signingFailed) {
            try TestClock().policy(retries: 3).send(
                { throw JiraError.signingFailed }, with: transport, notice: { _ in })
        }
        #expect(transport.sent.isEmpty)
    }

    // MARK: how long each wait is

    @Test(arguments: [429, 503])
    func retryAfterInSecondsIsWaited(status: Int) {
        let run = Self.run([.answer(status, headers: [("Retry-After", "7")]), .answer(202)])
        #expect(run.status == 202)
        #expect(run.clock.sleeps == [7])
        #expect(run.notices.count == 1 && run.notices[0].contains("retrying in 7.0 s (retry 1 of 3)"), "\(run.notices)")
    }

    @Test(arguments: [429, 503])
    func retryAfterAsAnHTTPDateIsWaitedFromNow(status: Int) {
        // The clock reads Sun, 06 Nov 1994 08:49:37 GMT; a first answer that took 2 s leaves 8 s to wait.
        let run = Self.run([
            .answer(status, headers: [("Retry-After", "Sun, 06 Nov 1994 08:49:47 GMT")], after: 2), .answer(202),
        ])
        #expect(run.clock.sleeps == [8])
        #expect(run.status == 202)
    }

    @Test(arguments: ["61", "3600", "99999999999999999999", "Sun, 06 Nov 1994 09:49:37 GMT"])
    func retryAfterIsHonouredForAtMostAMinute(header: String) {
        let run = Self.run([.answer(429, headers: [("Retry-After", header)]), .answer(202)])
        #expect(run.clock.sleeps == [60])
        #expect(run.notices.first?.contains("retrying in 60.0 s") == true)
    }

    @Test(arguments: ["soon", "-5", "1.5", "1e400", "nan", "Fri, 31 Dec 99999 23:59:59 GMT", ""])
    func aRetryAfterThatIsNeitherSecondsNorADateMeansTheNormalBackoff(header: String) {
        let run = Self.run([.answer(503, headers: [("Retry-After", header)]), .answer(503), .answer(202)])
        #expect(run.clock.sleeps.count == 2)
        // Full jitter over half the ceiling: 0.5 s, then 1 s.
        #expect(
            (0.25...0.5).contains(run.clock.sleeps[0]) && (0.5...1).contains(run.clock.sleeps[1]), "\(run.clock.sleeps)"
        )
    }

    @Test(arguments: [500, 502, 504, 408])
    func retryAfterOnOtherErrorsIsNotJirasWord(status: Int) {
        let run = Self.run([.answer(status, headers: [("Retry-After", "50")]), .answer(202)])
        #expect(run.clock.sleeps.count == 1 && (0.25...0.5).contains(run.clock.sleeps[0]), "\(run.clock.sleeps)")
    }

    // MARK: the run's time budget

    @Test func aRetryAfterPastTheBudgetIsNotWaitedFor() {
        let run = Self.run([.answer(429, headers: [("Retry-After", "45")])], retries: 3, budget: 30)
        #expect(run.status == 429)
        #expect(run.transport.sent.count == 1 && run.clock.sleeps.isEmpty && run.notices.isEmpty)
    }

    @Test func aBackoffPastTheBudgetIsNotWaitedFor() {
        // The first backoff is 0.25 to 0.5 s: longer than the 0.2 s left.
        let answered = Self.run([.answer(503)], retries: 3, budget: 0.2)
        #expect(answered.status == 503 && answered.transport.sent.count == 1 && answered.clock.sleeps.isEmpty)
        let failed = Self.run([.fail(.timedOut(host: "api.atlassian.com", seconds: 0.2))], retries: 3, budget: 0.2)
        #expect(failed.failure?.attempts == 1 && failed.transport.sent.count == 1 && failed.clock.sleeps.isEmpty)
    }

    @Test func aBudgetSpentMidRetryStopsTheRetries() {
        // 1 s for a 503, a wait of at most 0.5 s, 1.6 s for a timeout: at most 0.4 s of 3 s are left, less than the
        // second backoff (0.5 to 1 s), so the third attempt is never made though four retries were allowed.
        let timeout = HTTPError.timedOut(host: "api.atlassian.com", seconds: 1.6)
        let run = Self.run([.answer(503, after: 1), .fail(timeout, after: 1.6)], retries: 4, budget: 3)
        #expect(run.failure == TransportFailure(error: timeout, attempts: 2))
        #expect(run.transport.sent.count == 2 && run.clock.sleeps.count == 1)
    }

    @Test func everyRequestCarriesTheBudget() {
        let clock = TestClock()
        let budget = clock.deadline(after: 10)
        let run = Self.run([.answer(503), .answer(202)], budget: 10, clock: clock)
        #expect(run.transport.sent.map(\.deadline) == [budget, budget])
        #expect(run.transport.sent.allSatisfy { $0.deadline.instant != nil })
    }
}
