import Testing

@testable import JiraCI

/// The Cloud session's access token over a scripted transport: a cached one is used, a 401 from the API drops it
/// and fetches a new one exactly once, and whatever the token endpoint answers ends in the right `FailureClass`.
struct CloudSessionTests {
    static let bulk = "https://api.atlassian.com/jira/builds/0.1/cloud/cloud-1/bulk"
    static let tokenURL = "https://api.atlassian.com/oauth/token"

    static func post(_ session: CloudSession) throws -> HTTPResponse {
        try session.authorized("POST", bulk, body: Array("{}".utf8))
    }

    static func cached(_ token: String, clock: TestClock, in directory: String) -> TokenCache {
        let cache = TokenCache(directory: directory)
        cache.store(
            .init(
                accessToken: token, expiresAt: clock.wallNow() + 3600, clientId: "client-1",
                apiURL: JiraTarget.defaultAPIURL))
        return cache
    }

    @Test func aCachedTokenIsUsedWithoutAskingForOne() throws {
        try withTemporaryDirectory { directory in
            let connection = ScriptedConnection([.answer(202)], cacheDirectory: directory)
            _ = Self.cached("cached-token-1", clock: connection.clock, in: directory)
            let response = try Self.post(try connection.cloudSession())
            #expect(response.status == 202)
            #expect(connection.transport.urls == [Self.bulk])
            #expect(connection.transport.sent[0].header("Authorization") == "Bearer cached-token-1")
            // A token read from the cache is a secret of the run like one just received.
            #expect(connection.redactor.redact("token cached-token-1 used") == "token *** used")
        }
    }

    @Test func aNewTokenIsFetchedOnceForTheRunAndCached() throws {
        try withTemporaryDirectory { directory in
            let connection = ScriptedConnection(
                [.token("fresh-token-1"), .answer(202), .answer(202)], cacheDirectory: directory)
            let session = try connection.cloudSession()
            _ = try Self.post(session)
            _ = try Self.post(session)
            #expect(connection.transport.urls == [Self.tokenURL, Self.bulk, Self.bulk])
            #expect(
                connection.transport.sent.dropFirst().allSatisfy {
                    $0.header("Authorization") == "Bearer fresh-token-1"
                })
            let body = try JSON.decode(JSONValue.self, from: connection.transport.sent[0].request.body ?? [])
            #expect(
                body
                    == .object([
                        "audience": .string("api.atlassian.com"), "grant_type": .string("client_credentials"),
                        "client_id": .string("client-1"),
                        "client_secret": .string(ScriptedConnection.clientSecret),
                    ]))
            let cached = TokenCache(directory: directory).token(
                clientId: "client-1", apiURL: JiraTarget.defaultAPIURL, now: connection.clock.wallNow())
            #expect(cached?.accessToken == "fresh-token-1")
            #expect(connection.redactor.redact("fresh-token-1 and \(ScriptedConnection.clientSecret)") == "*** and ***")
        }
    }

    @Test func a401FromTheAPIDropsTheTokenAndFetchesANewOneExactlyOnce() throws {
        try withTemporaryDirectory { directory in
            let connection = ScriptedConnection(
                [.answer(401), .token("fresh-token-2"), .answer(202)], cacheDirectory: directory)
            let cache = Self.cached("revoked-token", clock: connection.clock, in: directory)
            let response = try Self.post(try connection.cloudSession())
            #expect(response.status == 202)
            #expect(connection.transport.urls == [Self.bulk, Self.tokenURL, Self.bulk])
            #expect(
                connection.transport.sent.map { $0.header("Authorization") } == [
                    "Bearer revoked-token", nil, "Bearer fresh-token-2",
                ])
            // The next run starts from the new token.
            let cached = cache.token(
                clientId: "client-1", apiURL: JiraTarget.defaultAPIURL, now: connection.clock.wallNow())
            #expect(cached?.accessToken == "fresh-token-2")
        }
    }

    @Test func aRevokedTokenLeavesTheCacheEvenWhenNoNewOneComes() {
        withTemporaryDirectory { directory in
            let connection = ScriptedConnection(
                [.answer(401)] + Array(repeating: .answer(503), count: 3), cacheDirectory: directory)
            let cache = Self.cached("revoked-token", clock: connection.clock, in: directory)
            let error = #expect(throws: (any Error).self) { try Self.post(try connection.cloudSession()) }
            #expect(error.map(FailureClass.init) == .transient)
            #expect(
                cache.token(clientId: "client-1", apiURL: JiraTarget.defaultAPIURL, now: connection.clock.wallNow())
                    == nil)
        }
    }

    @Test func aSecond401IsTheAnswerAndRefusesTheCredentials() async throws {
        let connection = ScriptedConnection([.token("token-a"), .answer(401), .token("token-b"), .answer(401)])
        let results = try await connection.delivery().deliver([Sample.buildReport()])
        #expect(connection.transport.urls == [Self.tokenURL, Self.bulk, Self.tokenURL, Self.bulk])
        guard case .failed(let error) = results.first else {
            Issue.record("expected a failure, got \(results)")
            return
        }
        #expect(FailureClass(error) == .refused && FailureClass(error).exitStatus == 3)
        #expect("\(error)".contains("HTTP 401"))
    }

    /// What the token endpoint may answer, and the class of failure each ends in (with two retries).
    static let tokenEndpointAnswers: [(String, [ScriptedTransport.Step], FailureClass, requests: Int)] = [
        ("401", [.answer(401, #"{"error":"access_denied"}"#)], .refused, 1),
        ("403", [.answer(403)], .refused, 1),
        ("400", [.answer(400, #"{"error":"invalid_request"}"#)], .refused, 1),
        ("503 throughout", Array(repeating: .answer(503), count: 3), .transient, 3),
        ("500 throughout", Array(repeating: .answer(500), count: 3), .transient, 3),
        ("429 throughout", Array(repeating: .answer(429, headers: [("Retry-After", "1")]), count: 3), .transient, 3),
        (
            "timeouts", Array(repeating: .fail(.timedOut(host: "api.atlassian.com", seconds: 30)), count: 3),
            .transient, 3
        ),
        ("DNS", [.fail(.unresolvableHost("api.atlassian.com"))], .transient, 1),
        ("TLS", [.fail(.tlsFailed(host: "api.atlassian.com", detail: "unknown CA"))], .transient, 1),
        ("garbage", [.answer(200, "<html>maintenance</html>")], .transient, 1),
        ("no token", [.answer(200, #"{"token_type":"Bearer"}"#)], .transient, 1),
        ("a number for a token", [.answer(200, #"{"access_token":42}"#)], .transient, 1),
        ("empty token", [.answer(200, #"{"access_token":""}"#)], .transient, 1),
        ("a control character", [.answer(200, #"{"access_token":"abc\r\nX-Forged: 1"}"#)], .transient, 1),
        ("over-long token", [.token(String(repeating: "t", count: AccessTokens.longestToken + 1))], .transient, 1),
        ("404", [.answer(404)], .misdirected, 1),
        ("302", [.answer(302, headers: [("Location", "https://example.com/")])], .misdirected, 1),
    ]

    @Test(arguments: tokenEndpointAnswers)
    func theTokenEndpointsAnswerDecidesTheFailure(
        name: String, steps: [ScriptedTransport.Step], expected: FailureClass, requests: Int
    ) throws {
        let connection = ScriptedConnection(steps, retries: 2)
        let session = try connection.cloudSession()
        let error = #expect(throws: (any Error).self, "\(name)") { try Self.post(session) }
        #expect(error.map(FailureClass.init) == expected, "\(name): \(error.map { "\($0)" } ?? "-")")
        #expect(connection.transport.urls == Array(repeating: Self.tokenURL, count: requests), "\(name)")
        // The secret never goes into what is said.
        #expect(!("\(error.map { "\($0)" } ?? "")".contains(ScriptedConnection.clientSecret)))
    }

    @Test func aTokenOfTheLongestLengthIsUsed() throws {
        let token = String(repeating: "t", count: AccessTokens.longestToken)
        let connection = ScriptedConnection([.token(token), .answer(202)])
        #expect(try Self.post(try connection.cloudSession()).status == 202)
        #expect(connection.transport.sent.last?.header("Authorization") == "Bearer \(token)")
    }
}
