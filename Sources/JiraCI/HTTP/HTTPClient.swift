import Synchronization

/// How every request of a run is made.
public struct HTTPSettings: Sendable {
    public var timeoutSeconds: Int
    /// A PEM bundle added to the system's trusted CAs (for TLS-inspecting proxies).
    public var extraCACertificatePath: String?
    public var userAgent: String
    /// From HTTPS_PROXY / HTTP_PROXY / NO_PROXY, resolved by the configuration.
    public var proxy: ProxySettings
    /// Plain http to a host that is not loopback: only when the user opts in (an intranet Jira Server).
    public var allowInsecureHTTP: Bool

    public init(
        timeoutSeconds: Int = 30, extraCACertificatePath: String? = nil, userAgent: String,
        proxy: ProxySettings = ProxySettings(), allowInsecureHTTP: Bool = false
    ) {
        self.timeoutSeconds = timeoutSeconds
        self.extraCACertificatePath = extraCACertificatePath
        self.userAgent = userAgent
        self.proxy = proxy
        self.allowInsecureHTTP = allowInsecureHTTP
    }
}

public struct ProxySettings: Sendable, Equatable {
    public var https: String?
    public var http: String?
    public var noProxy: String?

    public init(https: String? = nil, http: String? = nil, noProxy: String? = nil) {
        self.https = https
        self.http = http
        self.noProxy = noProxy
    }

    /// The usual variables, upper- or lower-case, as curl, wget and most tools read them.
    public init(environment: [String: String]) {
        func value(_ name: String) -> String? {
            (environment[name] ?? environment[name.lowercased()]).flatMap { $0.isEmpty ? nil : $0 }
        }
        self.init(https: value("HTTPS_PROXY") ?? value("ALL_PROXY"), http: value("HTTP_PROXY") ?? value("ALL_PROXY"), noProxy: value("NO_PROXY"))
    }
}

/// Receives the verbose trace. What it is given has secrets masked already; the terminal sink masks again.
public typealias TraceSink = @Sendable (String) -> Void

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
        self.caBundle = try options.extraCACertificatePath.map { path throws(HTTPError) in try CABundle.combined(adding: path) }
        guard let handle = CurlHandle() else { throw .other(host: "libcurl", detail: "could not create a transfer handle") }
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
            guard let url = CurlURL(request.url), let parsed = ParsedURL(url) else { return .failure(.invalidURL(request.url)) }
            guard !parsed.isInsecure(allowingHTTP: options.allowInsecureHTTP) else { return .failure(.insecureURL(parsed.origin)) }
            return curl.perform(request, url: url, options: options, caBundle: caBundle, timeout: timeout, host: parsed.host)
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
            trace?("* \(request.method) \(redactor.redact(request.url)) failed after \(elapsed) ms: \(redactor.redact(error.description))")
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

/// The system's CA bundle plus the user's, so `--ca-cert` adds trust instead of replacing it.
enum CABundle {
    static let systemBundles = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"]

    static func combined(adding path: String) throws(HTTPError) -> [UInt8] {
        let extra: [UInt8]
        do {
            extra = try FileSystem.read(path, limit: 16 * 1024 * 1024)
        } catch {
            throw .unreadableCACertificate(path: path, reason: error.reason)
        }
        guard String(decoding: extra, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            throw .unreadableCACertificate(path: path, reason: "holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        let candidates = (CurlHandle.defaultCABundle().map { [$0] } ?? []) + systemBundles
        let system = candidates.lazy.compactMap { try? FileSystem.read($0, limit: 16 * 1024 * 1024) }.first ?? []
        return system + [UInt8(ascii: "\n")] + extra
    }
}
