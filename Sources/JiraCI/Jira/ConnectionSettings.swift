/// How to reach Jira for one run: HTTP settings, retries, cache, the run's redactor and time budget, and where
/// warnings and traces go.
public struct ConnectionSettings: Sendable {
    public var http: HTTPSettings
    /// The retry rules, with the run's time budget; a test gives them a clock that moves only when they wait.
    public var retry: RetryPolicy
    public var cacheDirectory: String?
    public var log: ReportLog
    /// Shared with the terminal: a token learned by the HTTP layer is hidden in every later line of output.
    public var redactor: Redactor
    /// Makes each connection: libcurl in a run; a test hands in a scripted transport.
    public var transport: HTTPTransportFactory = HTTPClient.libcurl

    public init(
        http: HTTPSettings, retries: Int, cacheDirectory: String?, log: ReportLog, redactor: Redactor,
        deadline: Deadline = .none
    ) {
        self.http = http
        self.retry = RetryPolicy(retries: retries, deadline: deadline)
        self.cacheDirectory = cacheDirectory
        self.log = log
        self.redactor = redactor
    }

    public var retries: Int {
        get { retry.retries }
        set { retry.retries = newValue }
    }

    public var deadline: Deadline {
        get { retry.deadline }
        set { retry.deadline = newValue }
    }

    func connection() throws(HTTPError) -> any HTTPTransport {
        try transport(http, redactor, log.trace)
    }
}
