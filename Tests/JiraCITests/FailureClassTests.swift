import Testing

@testable import JiraCI

/// The one table of what becomes of a failure: every exit 5 is a report that waits, and the other classes
/// never wait (they would fail again, for ever, from the outbox).
struct FailureClassTests {
    static let transient: [any Error] = [
        HTTPError.unresolvableHost("jira"), HTTPError.connectionFailed(host: "jira", detail: "refused"),
        HTTPError.tlsFailed(host: "jira", detail: "certificate expired"), HTTPError.timedOut(host: "jira", seconds: 30),
        HTTPError.connectionDropped(host: "jira", detail: "transfer closed with 12 bytes remaining"),
        HTTPError.responseTooLarge(host: "jira", limit: 4 << 20), HTTPError.deadlineReached(host: "jira"),
        HTTPError.other(host: "jira", detail: "Error in the HTTP2 framing layer"),
        TransportFailure(error: .responseTooLarge(host: "jira", limit: 4 << 20), attempts: 1),
        JiraError.transientAnswer(LastAnswer(source: .api("builds"), status: 503, longestWait: 60)),
    ]

    @Test func transientFailuresWaitInTheOutboxAndExit5() {
        for error in Self.transient {
            let failure = FailureClass(error)
            #expect(failure == .transient && failure.queues && failure.exitStatus == 5 && failure.isSoftenable, "\(error)")
        }
    }

    @Test(arguments: [
        (JiraError.backfillEntitiesFailed(ReportOutcome()) as any Error, FailureClass.rejected, Int32(4), true),
        (JiraError.freshTokenRefused(api: "builds"), .refused, 3, true),
        (JiraError.apiForbidden(api: "builds"), .refused, 3, true),
        (JiraError.noAPI(api: "builds"), .misdirected, 2, true),
        (HTTPError.insecureURL("http://jira"), .configuration, 2, false),
        (HTTPError.invalidURL("::"), .configuration, 2, false),
        (HTTPError.unreadableCACertificate(path: "/x", reason: "gone"), .configuration, 2, false),
        (HTTPError.invalidHeader(name: "Authorization"), .configuration, 2, false),
        (TransportFailure(error: .insecureURL("http://jira"), attempts: 1), .configuration, 2, false),
        (ConfigurationError.missing(.jiraURL, hint: "x"), .configuration, 2, false),
        (GitError.gitNotFound, .configuration, 2, false),
        (FileSystem.Failure(path: "/x", reason: "is a FIFO"), .configuration, 2, false),
    ])
    func otherFailuresNeverWait(error: any Error, expected: FailureClass, status: Int32, softenable: Bool) {
        let failure = FailureClass(error)
        #expect(failure == expected)
        #expect(!failure.queues)
        #expect(failure.exitStatus == status)
        #expect(failure.isSoftenable == softenable)
    }

    @Test func onlyTheTransientClassQueuesAndOnlyItExits5() {
        for failure in FailureClass.allCases {
            #expect(failure.queues == (failure.exitStatus == 5), "\(failure)")
        }
        struct Unforeseen: Error {}
        #expect(FailureClass(Unforeseen()) == .internalError && FailureClass(Unforeseen()).exitStatus == 1)
    }

    @Test(arguments: [
        (200, HTTPStatusClass.success), (202, .success), (204, .success), (408, .transient), (429, .transient),
        (500, .transient), (502, .transient), (503, .transient), (599, .transient), (401, .unauthorized), (403, .forbidden),
        (404, .notFound), (400, .refused), (409, .refused), (413, .refused), (451, .refused), (100, .unexpected),
        (302, .unexpected), (600, .unexpected), (999, .unexpected),
    ])
    func statusesAreClassifiedInOnePlace(status: Int, expected: HTTPStatusClass) {
        #expect(HTTPStatusClass(status) == expected)
    }
}

/// What Jira answers is shown bounded: a megabyte of message, or twenty thousand of them, stay readable and small.
struct AnswerTextTests {
    @Test func aLineShowsTenMessagesOfAtMost300CharactersAndCountsTheRest() {
        let huge = String(repeating: "é", count: 1 << 20)
        let line = AnswerText.line([huge] + (1...19_999).map { "message \($0)" })
        #expect(line.utf16.count < 300 + 9 * 20 + 40)
        #expect(line.hasSuffix("; and 19990 more"))
        #expect(AnswerText.line(["a", "b"]) == "a; b")
    }

    @Test func jsonKeepsItsStructureWithinBounds() {
        let errors = (0..<20_000).map { JSONValue.object(["message": .string("m\($0)" + String(repeating: "x", count: 5000))]) }
        let rejection = ReportOutcome.Rejection(key: .object(["buildNumber": .integer(1)]), errors: errors)
        #expect(rejection.errors.count == AnswerText.listLimit)
        #expect(rejection.errorsNotListed == 19_900)
        #expect(rejection.summary.hasSuffix("; and 19990 more"))
        #expect(rejection.errors.first?["message"]?.stringValue.map { $0.utf16.count <= AnswerText.jsonLength } == true)
        var outcome = ReportOutcome()
        for index in 0..<250 { outcome.reject(.init(key: .integer(Int64(index)), errors: [])) }
        #expect(outcome.rejected.count == AnswerText.listLimit && outcome.rejectedNotListed == 150)
        #expect(outcome.rejectionSummary.hasSuffix("; and 240 more"))
        let merged = ReportOutcome.merged([outcome, outcome])
        #expect(merged.rejected.count == AnswerText.listLimit && merged.rejectedNotListed == 400)
    }
}
