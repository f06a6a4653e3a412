import Testing

@testable import JiraCI

/// Jira Server over a scripted transport: the same retry rules on its remote-link requests, rate limits included,
/// and a refused token is refused, not queued.
struct ServerSessionTests {
    static let site = JiraTarget(flavor: .server, siteURL: "https://jira.example.com")
    static let report = Sample.buildReport(keys: ["ABC-1"], target: site)
    static let link = "https://jira.example.com/rest/api/2/issue/ABC-1/remotelink"

    static func deliver(_ connection: ScriptedConnection) async throws -> DeliveryResult {
        let results = try await connection.delivery(Self.site).deliver([Self.report])
        return try #require(results.first)
    }

    @Test func aResetAsTheOnlyHintIsWaitedForAndNamed() async throws {
        let connection = ScriptedConnection([
            RateLimitTests.limited(reset: "1994-11-06T08:50:07Z", reason: "jira-burst-based"), .answer(201),
        ])
        let result = try await Self.deliver(connection)
        #expect(result.kindName == "accepted")
        #expect(connection.transport.urls == [Self.link, Self.link])
        #expect(connection.transport.sent.allSatisfy { $0.header("Authorization") == "Bearer pat-7c1e" })
        #expect(connection.clock.sleeps == [30])
        #expect(
            connection.log.notices == [
                "Jira answered 429 to POST jira.example.com (rate limit: jira-burst-based); retrying in 30.0 s, when the rate limit resets (retry 1 of 2)"
            ])
    }

    @Test(arguments: [429, 503])
    func aResetTooFarAwayFailsAtOnceAsTransient(status: Int) async throws {
        let connection = ScriptedConnection([
            RateLimitTests.limited(status, reset: "1994-11-06T08:59Z", reason: "jira-quota-based")
        ])
        guard case .failed(let error) = try await Self.deliver(connection) else {
            Issue.record("expected a failure")
            return
        }
        #expect(FailureClass(error) == .transient)
        #expect(
            "\(error)"
                == "Jira Server answered HTTP \(status) (rate limit: jira-quota-based); it resets in 563.0 s, later than jira-ci waits (60.0 s)"
        )
        #expect(connection.transport.sent.count == 1 && connection.clock.sleeps.isEmpty)
    }

    @Test func retryAfterWinsOnServerToo() async throws {
        let connection = ScriptedConnection([
            RateLimitTests.limited(reset: "1994-11-06T08:59Z", retryAfter: "3"), .answer(200),
        ])
        #expect(try await Self.deliver(connection).kindName == "accepted")
        #expect(connection.clock.sleeps == [3])
    }

    @Test func aRefusedTokenIsRefusedNotQueued() async throws {
        let connection = ScriptedConnection([.answer(401)])
        guard case .failed(let error) = try await Self.deliver(connection) else {
            Issue.record("expected a failure")
            return
        }
        #expect(FailureClass(error) == .refused)
        #expect(connection.transport.sent.count == 1)
    }
}
