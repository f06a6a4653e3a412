import Synchronization

/// A libcurl easy handle kept for the whole run, so requests to one host reuse one connection.
/// Every request and answer can be traced, with secrets replaced by `***`.
public final class HTTPClient: HTTPTransport {
    /// What a run makes its connections with.
    public static let libcurl: HTTPTransportFactory = { options, redactor, trace throws(HTTPError) in
        try HTTPClient(options: options, redactor: redactor, trace: trace)
    }

    /// Jira's answers are small JSON documents; anything bigger is not read on.
    public static let maximumResponseBytes = 4 * 1024 * 1024

    private let handle: Mutex<CurlHandle>
    private let options: HTTPSettings
    private let caBundle: [UInt8]?
    public let redactor: Redactor
    private let trace: TraceSink?

    public init(options: HTTPSettings, redactor: Redactor, trace: TraceSink? = nil) throws(HTTPError) {
        CurlHandle.globalInit()
        self.options = options
        self.redactor = redactor
        self.trace = trace
        self.caBundle = try options.extraCACertificatePath.map { path throws(HTTPError) in
            try CABundle.combined(adding: path)
        }
        guard let handle = CurlHandle() else {
            throw .other(host: "libcurl", detail: "could not create a transfer handle")
        }
        self.handle = Mutex(handle)
    }

    public func send(_ request: HTTPRequest, deadline: Deadline = .none) throws(HTTPError) -> HTTPResponse {
        for header in request.headers where !header.value.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }) {
            throw .invalidHeader(name: header.name)
        }
        let host = ParsedURL(request.url)?.host ?? "Jira"
        var timeout = Double(options.timeoutSeconds)
        var cutByDeadline = false
        if let left = deadline.remainingSeconds {
            guard left > 0.05 else { throw .deadlineReached(host: host) }
            if left < timeout { (timeout, cutByDeadline) = (left, true) }
        }
        traceRequest(request)
        let started = ContinuousClock.now
        let (options, caBundle) = (options, caBundle)
        let result = handle.withLock { curl -> Result<HTTPResponse, HTTPError> in
            // The URL is parsed once, by libcurl; the checks read that parse and the transfer uses that very
            // handle, so the host checked is the host connected to.
            guard let url = CurlURL(request.url), let parsed = ParsedURL(url) else {
                return .failure(.invalidURL(request.url))
            }
            guard !parsed.isInsecure(allowingHTTP: options.allowInsecureHTTP) else {
                return .failure(.insecureURL(parsed.origin))
            }
            return curl.perform(
                request, url: url, options: options, caBundle: caBundle, timeout: timeout, host: parsed.host)
        }
        let elapsed = Int((ContinuousClock.now - started).secondsValue * 1000)
        switch result {
        case .success(let response):
            traceResponse(response, elapsedMilliseconds: elapsed)
            return response
        case .failure(.timedOut) where cutByDeadline:
            trace?("* \(request.method) \(redactor.redact(request.url)): the time budget ran out after \(elapsed) ms")
            throw .deadlineReached(host: host)
        case .failure(let error):
            trace?(
                "* \(request.method) \(redactor.redact(request.url)) failed after \(elapsed) ms: \(redactor.redact(error.description))"
            )
            throw error
        }
    }

    private func traceRequest(_ request: HTTPRequest) {
        guard let trace else { return }
        var lines = ["> \(request.method) \(redactor.redact(request.url))"]
        lines += request.headers.map { "> \($0.name): \(redactor.header(name: $0.name, value: $0.value))" }
        if let body = request.body, !body.isEmpty {
            lines.append(String(decoding: redactor.redact(bytes: body), as: UTF8.self))
        }
        trace(lines.joined(separator: "\n"))
    }

    private func traceResponse(_ response: HTTPResponse, elapsedMilliseconds: Int) {
        guard let trace else { return }
        var lines = ["< \(response.status) (\(elapsedMilliseconds) ms)"]
        lines += response.headers.map { "< \($0.name): \(redactor.header(name: $0.name, value: $0.value))" }
        if !response.body.isEmpty {
            lines.append(String(decoding: redactor.redact(bytes: response.body), as: UTF8.self))
        }
        trace(lines.joined(separator: "\n"))
    }
}
