import Testing

@testable import JiraCI

/// The queue decision end to end in one process: the Dispatcher with a Cloud delivery over a scripted transport.
/// A report waits in the outbox when Jira may take it later, never when Jira refused it or the credentials.
struct DispatcherOverTransportTests {
    static let fresh = [Sample.buildReport(number: 42, createdAt: 10)]
    static let key = Sample.buildReport().queueKey
    static let token = ScriptedTransport.Step.token("token-1")

    static func dispatch(_ connection: ScriptedConnection, outbox: Outbox) async throws -> Dispatcher.Result {
        await Dispatcher(delivery: try connection.delivery(), outbox: outbox).dispatch(fresh, queueKey: key)
    }

    static let transientFailures: [(String, [ScriptedTransport.Step])] = [
        ("503", Array(repeating: .answer(503), count: 3)),
        ("500", Array(repeating: .answer(500), count: 3)),
        ("429", Array(repeating: .answer(429, headers: [("Retry-After", "2")]), count: 3)),
        ("408", Array(repeating: .answer(408), count: 3)),
        ("timeouts", Array(repeating: .fail(.timedOut(host: "api.atlassian.com", seconds: 30)), count: 3)),
        ("dropped", Array(repeating: .fail(.connectionDropped(host: "api.atlassian.com", detail: "reset")), count: 3)),
        (
            "refused",
            Array(
                repeating: .fail(.connectionFailed(host: "api.atlassian.com", detail: "Connection refused")), count: 3)
        ),
        ("DNS", [.fail(.unresolvableHost("api.atlassian.com"))]),
        ("TLS", [.fail(.tlsFailed(host: "api.atlassian.com", detail: "unknown CA"))]),
        ("too large", [.fail(.responseTooLarge(host: "api.atlassian.com", limit: HTTPClient.maximumResponseBytes))]),
        ("unconfirmed", [.answer(202, "{}")]),
    ]

    @Test(arguments: transientFailures)
    func aTransientFailureQueuesTheReport(name: String, steps: [ScriptedTransport.Step]) async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            let connection = ScriptedConnection([Self.token] + steps, retries: 2)
            let result = try await Self.dispatch(connection, outbox: outbox)
            #expect(result.queued == Self.fresh, "\(name)")
            #expect(outbox.peek().entries.map(\.report) == Self.fresh, "\(name)")
            let reason = try #require(result.unreachable, "\(name)")
            #expect(FailureClass(reason).exitStatus == 5 && result.refusal == nil, "\(name)")
            #expect(connection.transport.unplayed == 0, "\(name)")
        }
    }

    static let refusals: [(String, [ScriptedTransport.Step], exit: Int32)] = [
        ("400", [token, .answer(400, #"[{"message":"pipelineId is bad"}]"#)], 4),
        ("401 twice", [token, .answer(401), .token("token-2"), .answer(401)], 3),
        ("403", [token, .answer(403)], 3),
        ("token refused", [.answer(401, #"{"error":"access_denied"}"#)], 3),
    ]

    @Test(arguments: refusals)
    func aRefusalIsNotQueued(name: String, steps: [ScriptedTransport.Step], exit: Int32) async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            let connection = ScriptedConnection(steps, retries: 2)
            let result = try await Self.dispatch(connection, outbox: outbox)
            #expect(result.queued.isEmpty && outbox.peek().entries.isEmpty, "\(name)")
            #expect(result.unreachable == nil, "\(name)")
            switch result.fresh.first {
            case .rejected?: #expect(exit == 4, "\(name)")
            case .failed(let error)?: #expect(FailureClass(error).exitStatus == exit, "\(name): \(error)")
            default: Issue.record("\(name): \(result.fresh)")
            }
            #expect(connection.transport.unplayed == 0, "\(name)")
        }
    }

    /// An outbox holding two reports for the sample site, made before the fresh one.
    static func outboxWithTwo(_ root: String) throws -> Outbox {
        let outbox = Outbox(directory: root + "/outbox")
        _ = try outbox.enqueue([
            Sample.buildReport(number: 1, createdAt: 1), Sample.buildReport(number: 2, createdAt: 2),
        ])
        return outbox
    }

    @Test func refusedCredentialsKeepTheQueuedReportsWaiting() async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = try Self.outboxWithTwo(root)
            let connection = ScriptedConnection([.answer(401, #"{"error":"access_denied"}"#)])
            let result = try await Self.dispatch(connection, outbox: outbox)
            #expect(result.refusal.map { FailureClass($0).exitStatus } == 3)
            #expect(result.queued.isEmpty && result.delivered == 0 && result.rejected.isEmpty)
            #expect(outbox.peek().entries.map(\.report.createdAt) == [1, 2])
            #expect(!FileSystem.exists(outbox.rejectedDirectory))
        }
    }

    @Test func queuedReportsGoInTheSameBulkRequestAsTheFreshOne() async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = try Self.outboxWithTwo(root)
            let connection = ScriptedConnection([Self.token, .buildsAccepted([1, 2, 42])])
            let result = try await Self.dispatch(connection, outbox: outbox)
            #expect(result.delivered == 2 && result.fresh.map(\.kindName) == ["accepted"])
            #expect(outbox.peek().entries.isEmpty)
            let bulk = try #require(connection.transport.sent.last?.request.body)
            let numbers = try JSON.decode(JSONValue.self, from: bulk)["builds"]?.arrayValue.compactMap {
                $0["buildNumber"]
            }
            #expect(numbers == [.integer(1), .integer(2), .integer(42)])
        }
    }

    @Test func aBudgetSpentMidRetryQueuesTheReport() async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            // 3 s of budget: 1 s for a 503, a wait of at most 0.5 s, 1.6 s for a timeout; the next wait no longer
            // fits, so the report is queued after two of the five attempts allowed.
            let connection = ScriptedConnection(
                [
                    Self.token, .answer(503, after: 1),
                    .fail(.timedOut(host: "api.atlassian.com", seconds: 1.6), after: 1.6),
                ],
                retries: 4, budget: 3)
            let result = try await Self.dispatch(connection, outbox: outbox)
            #expect(connection.transport.count("/bulk") == 2)
            #expect(result.queued == Self.fresh && outbox.peek().entries.count == 1)
            #expect(result.unreachable.map { FailureClass($0).exitStatus } == 5)
            #expect(connection.clock.sleeps.count == 1)
        }
    }

    // MARK: rate limits

    @Test func aRateLimitThatResetsTooLateQueuesAtOnceNamingTheLimit() async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            let connection = ScriptedConnection(
                [Self.token, RateLimitTests.limited(reset: "1994-11-06T09:49Z", reason: "jira-quota-tenant-based")],
                retries: 4)
            let result = try await Self.dispatch(connection, outbox: outbox)
            #expect(connection.transport.count("/bulk") == 1 && connection.clock.sleeps.isEmpty)
            #expect(result.queued == Self.fresh)
            let reason = try #require(result.unreachable)
            #expect(FailureClass(reason).exitStatus == 5)
            #expect(
                "\(reason)"
                    == "Jira answered HTTP 429 to the builds request (rate limit: jira-quota-tenant-based); it resets in 3563.0 s, later than jira-ci waits (60.0 s)"
            )
        }
    }

    @Test func aRateLimitThroughEveryRetryQueuesNamingTheLimit() async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            let limited = RateLimitTests.limited(reset: "1994-11-06T08:49:40Z", reason: "jira-burst-based")
            let connection = ScriptedConnection([Self.token, limited, limited, limited], retries: 2)
            let result = try await Self.dispatch(connection, outbox: outbox)
            #expect(connection.transport.count("/bulk") == 3 && connection.clock.sleeps.count == 2)
            #expect(
                connection.log.notices.count == 2
                    && connection.log.notices.allSatisfy { $0.contains("(rate limit: jira-burst-based)") })
            #expect(result.queued == Self.fresh)
            #expect(
                result.unreachable.map { "\($0)" }
                    == "Jira kept answering HTTP 429 to the builds request (rate limit: jira-burst-based), through every retry"
            )
        }
    }
}
