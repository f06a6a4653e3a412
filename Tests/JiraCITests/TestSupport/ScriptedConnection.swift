import Synchronization

@testable import JiraCI

/// Connection settings whose every connection is one scripted transport and whose waits pass on a test clock:
/// sessions and deliveries are made the way a run makes them (`JiraConnection`), without a socket.
struct ScriptedConnection {
    static let clientSecret = "client-secret-3f9a"
    static let credentials = JiraCredentials(
        cloud: ClientCredentials(clientId: "client-1", clientSecret: Secret(clientSecret)),
        server: .personalAccessToken(Secret("pat-7c1e")))

    let transport: ScriptedTransport
    let clock: TestClock
    let log = LogRecorder()
    let redactor = Redactor()
    var settings: ConnectionSettings

    init(
        _ steps: [ScriptedTransport.Step], retries: Int = 2, cacheDirectory: String? = nil, budget: Double? = nil,
        clock: TestClock = TestClock()
    ) {
        self.clock = clock
        transport = ScriptedTransport(steps, clock: clock)
        settings = ConnectionSettings(
            http: HTTPSettings(userAgent: "jira-ci/test"), retries: retries, cacheDirectory: cacheDirectory,
            log: log.log,
            redactor: redactor, deadline: budget.map(clock.deadline(after:)) ?? .none)
        settings.transport = transport.factory
        settings.retry.sleep = clock.sleep
        settings.retry.now = clock.wallNow
    }

    func cloudSession(_ target: JiraTarget = Sample.cloud) throws -> CloudSession {
        try JiraConnection.cloudSession(target: target, credentials: Self.credentials, settings: settings)
    }

    func delivery(_ target: JiraTarget = Sample.cloud) throws -> any JiraDelivery {
        try JiraConnection.delivery(
            target: target, credentials: Self.credentials, settings: settings, options: ServerReportSettings())
    }
}
