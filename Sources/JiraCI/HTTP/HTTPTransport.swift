/// What the retry rules and the sessions need of an HTTP client: one request sent within a deadline, for an
/// answer or the reason there is none. A run uses libcurl's `HTTPClient`; the unit tests hand in a scripted one,
/// so retries, waits, token refreshes and the queue decision are tested without sockets.
public protocol HTTPTransport: Sendable {
    /// Sends `request` once, neither starting nor running past `deadline`.
    func send(_ request: HTTPRequest, deadline: Deadline) throws(HTTPError) -> HTTPResponse
}

extension HTTPTransport {
    public func attempt(_ request: HTTPRequest, deadline: Deadline = .none) -> Result<HTTPResponse, HTTPError> {
        do throws(HTTPError) {
            return .success(try send(request, deadline: deadline))
        } catch {
            return .failure(error)
        }
    }
}

/// Makes the transport of one connection from the run's HTTP options, its redactor and its trace.
public typealias HTTPTransportFactory =
    @Sendable (HTTPSettings, Redactor, TraceSink?) throws(HTTPError) -> any HTTPTransport
