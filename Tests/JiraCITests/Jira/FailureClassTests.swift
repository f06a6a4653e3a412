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
            #expect(
                failure == .transient && failure.queues && failure.exitStatus == 5 && failure.isSoftenable, "\(error)")
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

    static let documentedStatus: [FailureClass: Int32] = [.refused: 3, .rejected: 4, .transient: 5, .misdirected: 2]

    /// Every case of `JiraError`, by what the user can do about it: the credentials (3), the data (4), wait (5),
    /// or the setting that points at the wrong place (2).
    @Test(arguments: [
        (JiraError.serverAuthRefused(.init(credential: .oauth1, problem: nil, clockSkew: nil)), FailureClass.refused),
        (.verifierRefused(problem: "permission_unknown"), .refused),
        (.serviceAccountRefused(.init(clientId: "ci", status: 401, error: "invalid_client")), .refused),
        (.clientCredentialsRefused(status: 401, tokenURL: "https://auth.atlassian.com/oauth/token"), .refused),
        (.freshTokenRefused(api: "deployments"), .refused), (.freshTokenRefused(api: nil), .refused),
        (.apiForbidden(api: "devinfo"), .refused), (.gatingForbidden, .refused), (.someAPIsForbidden, .refused),
        (.noVisibleProject, .refused),
        (.requestRejected(api: "builds", status: 413, detail: nil), .rejected),
        (.requestRejected(api: "deployments", status: 409, detail: "stale"), .rejected),
        (.reportNotAccepted(noun: "build 7", outcome: ReportOutcome()), .rejected),
        (.reportPartlyAccepted(noun: "build 7", outcome: ReportOutcome()), .rejected),
        (.backfillEntitiesFailed(ReportOutcome()), .rejected),
        (.transientAnswer(LastAnswer(source: .jiraServer, status: 429, resetsIn: 300, longestWait: 60)), .transient),
        (.noUsableToken(tokenURL: "https://jira.example.com/rest/oauth2/latest/token"), .transient),
        (.noOAuthToken(step: "request-token"), .transient), (.noGatingStatus, .transient),
        (.unconfirmed(noun: "build 7", status: 202), .transient),
        (.unexpectedStatus(url: "https://jira.example.com/rest/api/2/myself", status: 302), .transient),
        (.unqueued(cause: "Jira kept answering HTTP 503", reason: "there is no outbox"), .transient),
        (.stillWaiting(count: 3, directory: "/outbox", cause: nil), .transient),
        (.noRestAPI(site: "https://jira.example.com"), .misdirected),
        (.noTokenEndpoint(site: "https://jira.example.com"), .misdirected),
        (.noOAuthEndpoint(url: "https://jira.example.com/plugins/servlet/oauth/request-token"), .misdirected),
        (.noAPI(api: "deployments"), .misdirected), (.foreignAnswer(api: "builds", status: 302), .misdirected),
        (.foreignTokenAnswer(tokenURL: "https://auth.atlassian.com/oauth/token", status: 302), .misdirected),
        (.noCloudId(site: "https://acme.example", status: 404), .misdirected), (.signingFailed, .misdirected),
    ])
    func everyJiraErrorExitsAsWhatTheUserCanDoSays(error: JiraError, expected: FailureClass) {
        let failure = FailureClass(error)
        #expect(failure == expected)
        #expect(failure.exitStatus == Self.documentedStatus[expected])
        #expect(failure.queues == (expected == .transient))
        #expect(failure.isSoftenable)
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
        (500, .transient), (502, .transient), (503, .transient), (599, .transient), (401, .unauthorized),
        (403, .forbidden),
        (404, .notFound), (400, .refused), (409, .refused), (413, .refused), (451, .refused), (100, .unexpected),
        (302, .unexpected), (600, .unexpected), (999, .unexpected),
    ])
    func statusesAreClassifiedInOnePlace(status: Int, expected: HTTPStatusClass) {
        #expect(HTTPStatusClass(status) == expected)
    }
}
