import CCurl
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// How every request of a run is made.
public struct HTTPOptions: Sendable {
    public var timeoutSeconds: Int
    /// A PEM bundle added to the system's trusted CAs (for TLS-inspecting proxies).
    public var extraCACertificatePath: String?
    public var userAgent: String
    /// From HTTPS_PROXY / HTTP_PROXY / NO_PROXY, resolved by the configuration.
    public var proxy: ProxySettings

    public init(timeoutSeconds: Int = 30, extraCACertificatePath: String? = nil, userAgent: String, proxy: ProxySettings = ProxySettings()) {
        self.timeoutSeconds = timeoutSeconds
        self.extraCACertificatePath = extraCACertificatePath
        self.userAgent = userAgent
        self.proxy = proxy
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

/// Receives the verbose trace, already redacted.
public typealias TraceSink = @Sendable (String) -> Void

/// A libcurl easy handle kept for the whole run, so requests to one host reuse one connection.
/// Every request and answer can be traced, with secrets replaced by `***`.
public final class HTTPClient: Sendable {
    private let handle: Mutex<CurlHandle>
    private let options: HTTPOptions
    private let caBundle: [UInt8]?
    public let redactor: Redactor
    private let trace: TraceSink?

    public init(options: HTTPOptions, redactor: Redactor, trace: TraceSink? = nil) throws(HTTPError) {
        CurlHandle.globalInit()
        self.options = options
        self.redactor = redactor
        self.trace = trace
        self.caBundle = try options.extraCACertificatePath.map { path throws(HTTPError) in try CABundle.combined(adding: path) }
        self.handle = Mutex(CurlHandle())
    }

    public func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        guard let parts = URLParts(request.url) else { throw .invalidURL(request.url) }
        guard parts.scheme == "https" || parts.isLoopback else { throw .insecureURL(request.url) }
        traceRequest(request)
        let started = Clock.microsecondsSinceEpoch()
        let result = handle.withLock { curl in
            curl.perform(request, options: options, caBundle: caBundle, host: parts.host)
        }
        let elapsed = (Clock.microsecondsSinceEpoch() - started) / 1000
        switch result {
        case .success(let response):
            traceResponse(response, elapsedMilliseconds: elapsed)
            return response
        case .failure(let error):
            trace?("* \(request.method) \(redactor.redact(request.url)) failed after \(elapsed) ms: \(redactor.redact(String(describing: error)))")
            throw error
        }
    }

    public func attempt(_ request: HTTPRequest) -> Result<HTTPResponse, HTTPError> {
        do {
            return .success(try send(request))
        } catch {
            return .failure(error)
        }
    }

    private func traceRequest(_ request: HTTPRequest) {
        guard let trace else { return }
        var lines = ["> \(request.method) \(redactor.redact(request.url))"]
        lines += request.headers.map { "> \($0.name): \(redactor.header(name: $0.name, value: $0.value))" }
        if let body = request.body, !body.isEmpty {
            lines.append(redactor.redact(String(decoding: body, as: UTF8.self)))
        }
        trace(lines.joined(separator: "\n"))
    }

    private func traceResponse(_ response: HTTPResponse, elapsedMilliseconds: Int64) {
        guard let trace else { return }
        var lines = ["< \(response.status) (\(elapsedMilliseconds) ms)"]
        lines += response.headers.map { "< \($0.name): \(redactor.header(name: $0.name, value: $0.value))" }
        if !response.body.isEmpty {
            lines.append(redactor.redact(response.text))
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
            extra = try FileSystem.read(path)
        } catch {
            throw .unreadableCACertificate(path: path, reason: error.reason)
        }
        guard String(decoding: extra, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            throw .unreadableCACertificate(path: path, reason: "holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        var bundle = (curlDefaultBundle().map { [$0] } ?? []) + systemBundles
        bundle = bundle.filter(FileSystem.exists)
        let system = bundle.first.flatMap { try? FileSystem.read($0) } ?? []
        return system + [UInt8(ascii: "\n")] + extra
    }

    private static func curlDefaultBundle() -> String? {
        guard let info = curl_version_info(CURLVERSION_TENTH), let path = info.pointee.cainfo else { return nil }
        return String(cString: path)
    }
}

/// The C side: one easy handle and the callbacks that collect an answer.
struct CurlHandle: ~Copyable {
    private let easy: UnsafeMutableRawPointer?

    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        return true
    }()

    static func globalInit() {
        _ = initialized
    }

    init() {
        easy = curl_easy_init()
    }

    deinit {
        curl_easy_cleanup(easy)
    }

    func perform(_ request: HTTPRequest, options: HTTPOptions, caBundle: [UInt8]?, host: String) -> Result<HTTPResponse, HTTPError> {
        guard let easy else { return .failure(.other(host: host, detail: "libcurl could not start")) }
        let collector = ResponseCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        var headerList: UnsafeMutablePointer<curl_slist>?
        for header in request.headers {
            headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        // Without this, curl sends `Expect: 100-continue` on larger bodies and waits for an answer first.
        headerList = curl_slist_append(headerList, "Expect:")
        defer { curl_slist_free_all(headerList) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
            let body = request.body ?? []
            return body.withUnsafeBufferPointer { bodyPointer in
                jci_setopt_string(easy, CURLOPT_URL, request.url)
                jci_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
                jci_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
                jci_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
                jci_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1)
                jci_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2)
                jci_setopt_long(easy, CURLOPT_CONNECTTIMEOUT, min(options.timeoutSeconds, 10))
                jci_setopt_long(easy, CURLOPT_TIMEOUT, options.timeoutSeconds)
                jci_setopt_string(easy, CURLOPT_USERAGENT, options.userAgent)
                jci_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")
                jci_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorPointer.baseAddress)
                jci_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList)
                jci_setopt_write_function(easy, curlWrite)
                jci_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
                jci_setopt_header_function(easy, curlHeader)
                jci_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
                configureProxy(easy, options.proxy, https: request.url.lowercased().hasPrefix("https:"))
                if let caBundle {
                    caBundle.withUnsafeBufferPointer { pointer in
                        var blob = curl_blob(data: UnsafeMutableRawPointer(mutating: pointer.baseAddress), len: pointer.count, flags: UInt32(CURL_BLOB_COPY))
                        _ = withUnsafeMutablePointer(to: &blob) { jci_setopt_pointer(easy, CURLOPT_CAINFO_BLOB, $0) }
                    }
                }
                jci_setopt_pointer(easy, CURLOPT_CUSTOMREQUEST, nil)
                switch request.method {
                case "GET":
                    jci_setopt_long(easy, CURLOPT_HTTPGET, 1)
                case "POST":
                    jci_setopt_long(easy, CURLOPT_POST, 1)
                default:
                    jci_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method)
                }
                if request.body != nil || request.method == "POST" {
                    jci_setopt_long(easy, CURLOPT_POSTFIELDSIZE, body.count)
                    jci_setopt_pointer(easy, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bodyPointer.baseAddress ?? UnsafePointer(bitPattern: 1)!))
                } else if request.method != "GET" {
                    jci_setopt_long(easy, CURLOPT_NOBODY, request.method == "HEAD" ? 1 : 0)
                }
                return curl_easy_perform(easy)
            }
        }
        // The body pointers must not outlive this call on a reused handle.
        jci_setopt_pointer(easy, CURLOPT_POSTFIELDS, nil)
        jci_setopt_pointer(easy, CURLOPT_ERRORBUFFER, nil)
        jci_setopt_slist(easy, CURLOPT_HTTPHEADER, nil)

        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return .failure(Self.error(code, host: host, detail: message, timeout: options.timeoutSeconds))
        }
        var status = 0
        jci_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: collector.headers, body: collector.body))
    }

    private func configureProxy(_ easy: UnsafeMutableRawPointer, _ proxy: ProxySettings, https: Bool) {
        // Set explicitly (empty means none) so the environment is read in one place, and so the
        // upper-case HTTP_PROXY works too (libcurl ignores it on its own).
        jci_setopt_string(easy, CURLOPT_PROXY, (https ? proxy.https : proxy.http) ?? "")
        jci_setopt_string(easy, CURLOPT_NOPROXY, proxy.noProxy ?? "")
    }

    private static func error(_ code: CURLcode, host: String, detail: String, timeout: Int) -> HTTPError {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST: .unresolvableHost(host)
        case CURLE_COULDNT_RESOLVE_PROXY: .connectionFailed(host: host, detail: "proxy: \(detail)")
        case CURLE_COULDNT_CONNECT: .connectionFailed(host: host, detail: detail)
        case CURLE_OPERATION_TIMEDOUT: .timedOut(host: host, seconds: timeout)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            .tlsFailed(host: host, detail: detail)
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE:
            .connectionDropped(host: host, detail: detail)
        default: .other(host: host, detail: detail)
        }
    }
}

/// Collects one answer from libcurl's callbacks.
private final class ResponseCollector {
    var body: [UInt8] = []
    var headers: [(name: String, value: String)] = []

    func header(_ line: String) {
        let trimmed = line.trimmed
        if trimmed.hasPrefix("HTTP/") {
            headers.removeAll()  // a new answer (after `100 Continue`, say) starts its own headers
        } else if let colon = trimmed.firstIndex(of: ":") {
            headers.append((String(trimmed[..<colon]), String(trimmed[trimmed.index(after: colon)...]).trimmed))
        }
    }
}

private func curlWrite(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    let length = size * count
    guard let data, let context else { return 0 }
    let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
    collector.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
    return length
}

private func curlHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    let length = size * count
    guard let data, let context else { return length }
    let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
    collector.header(String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self))
    return length
}
