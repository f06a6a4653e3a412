import CCurl

/// The C side: one easy handle, reset before every request so no option of one (a POST's body, a custom
/// method) leaks into the next, every option's return code checked, and every buffer libcurl points into
/// kept alive until the transfer is over.
struct CurlHandle: ~Copyable {
    private let easy: UnsafeMutableRawPointer

    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    static func globalInit() {
        _ = initialized
    }

    init?() {
        guard let easy = curl_easy_init() else { return nil }
        self.easy = easy
    }

    deinit {
        curl_easy_cleanup(easy)
    }

    static func defaultCABundle() -> String? {
        guard let info = curl_version_info(CURLVERSION_TENTH), let path = info.pointee.cainfo else { return nil }
        return String(cString: path)
    }

    func perform(
        _ request: HTTPRequest, url: CurlURL, options: HTTPSettings, caBundle: [UInt8]?, timeout: Double, host: String
    ) -> Result<HTTPResponse, HTTPError> {
        curl_easy_reset(easy)
        // The handle keeps pointers to this request's buffers; none may be used by a later request.
        defer { curl_easy_reset(easy) }
        let collector = ResponseCollector(limit: HTTPClient.maximumResponseBytes)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for header in request.headers + [("Expect", "")] {
            // `Expect:` (empty) stops curl from sending `Expect: 100-continue` and waiting on larger bodies.
            guard
                let appended = curl_slist_append(
                    headerList, "\(header.name):" + (header.value.isEmpty ? "" : " \(header.value)"))
            else {
                return .failure(.other(host: host, detail: "out of memory building headers"))
            }
            headerList = appended
        }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let body = request.body ?? []
        let milliseconds = max(1, Int((timeout * 1000).rounded(.up)))

        let code: CURLcode = withExtendedLifetime((collector, url)) {
            errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
                body.withUnsafeBufferPointer { bodyPointer in
                    let context = Unmanaged.passUnretained(collector).toOpaque()
                    var setup: [CURLcode] = [
                        jci_setopt_pointer(easy, CURLOPT_CURLU, UnsafeMutableRawPointer(url.handle)),
                        jci_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorPointer.baseAddress),
                        jci_setopt_long(easy, CURLOPT_NOSIGNAL, 1),
                        jci_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0),
                        jci_restrict_to_http(easy),
                        jci_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1),
                        jci_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2),
                        jci_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, min(milliseconds, 10_000)),
                        jci_setopt_long(easy, CURLOPT_TIMEOUT_MS, milliseconds),
                        jci_setopt_string(easy, CURLOPT_USERAGENT, options.userAgent),
                        jci_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""),
                        jci_setopt_long(easy, CURLOPT_MAXFILESIZE, HTTPClient.maximumResponseBytes),
                        jci_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList),
                        jci_setopt_write_function(easy, curlWrite),
                        jci_setopt_pointer(easy, CURLOPT_WRITEDATA, context),
                        jci_setopt_header_function(easy, curlHeader),
                        jci_setopt_pointer(easy, CURLOPT_HEADERDATA, context),
                        // Set explicitly (empty means none) so the environment is read in one place, and so the
                        // upper-case HTTP_PROXY works too (libcurl ignores it on its own).
                        jci_setopt_string(
                            easy, CURLOPT_PROXY,
                            (url.part(CURLUPART_SCHEME) == "https" ? options.proxy.https : options.proxy.http) ?? ""),
                        jci_setopt_string(easy, CURLOPT_NOPROXY, options.proxy.noProxy ?? ""),
                    ]
                    switch request.method {
                    case "GET": setup.append(jci_setopt_long(easy, CURLOPT_HTTPGET, 1))
                    case "POST": setup.append(jci_setopt_long(easy, CURLOPT_POST, 1))
                    default: setup.append(jci_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method))
                    }
                    if request.body != nil || request.method == "POST" {
                        // A non-null pointer even for an empty body: null would make libcurl read from stdin.
                        let pointer =
                            UnsafeMutableRawPointer(mutating: bodyPointer.baseAddress)
                            ?? UnsafeMutableRawPointer(errorPointer.baseAddress!)
                        setup.append(jci_setopt_long(easy, CURLOPT_POSTFIELDSIZE, body.count))
                        setup.append(jci_setopt_pointer(easy, CURLOPT_POSTFIELDS, pointer))
                    }
                    if let caBundle {
                        setup.append(
                            caBundle.withUnsafeBufferPointer { pointer in
                                // CURL_BLOB_COPY: libcurl keeps its own copy, so this buffer may go.
                                var blob = curl_blob(
                                    data: UnsafeMutableRawPointer(mutating: pointer.baseAddress), len: pointer.count,
                                    flags: UInt32(CURL_BLOB_COPY))
                                return withUnsafeMutablePointer(to: &blob) {
                                    jci_setopt_pointer(easy, CURLOPT_CAINFO_BLOB, $0)
                                }
                            })
                    }
                    if let failed = setup.first(where: { $0 != CURLE_OK }) { return failed }
                    return curl_easy_perform(easy)
                }
            }
        }
        guard code == CURLE_OK else {
            if collector.tooLarge || code == CURLE_FILESIZE_EXCEEDED {
                return .failure(.responseTooLarge(host: host, limit: HTTPClient.maximumResponseBytes))
            }
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return .failure(Self.error(code, host: host, detail: message, timeout: timeout))
        }
        var status = 0
        guard jci_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK else {
            return .failure(.other(host: host, detail: "libcurl did not report the HTTP status"))
        }
        return .success(HTTPResponse(status: status, headers: collector.headers, body: collector.body))
    }

    private static func error(_ code: CURLcode, host: String, detail: String, timeout: Double) -> HTTPError {
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

/// Collects one answer from libcurl's callbacks, up to a limit: a hostile server cannot make jira-ci buffer
/// more than that, in the body or in headers. The header limit covers every header block of the answer
/// (interim `100 Continue` blocks included), so a server cannot send it again and again.
private final class ResponseCollector {
    static let maximumHeaderBytes = 64 * 1024
    let limit: Int
    var body: [UInt8] = []
    var headers: [(name: String, value: String)] = []
    var headerBytes = 0
    var tooLarge = false

    init(limit: Int) {
        self.limit = limit
    }

    /// false stops the transfer.
    func header(_ line: String) -> Bool {
        headerBytes += line.utf8.count
        guard headerBytes <= Self.maximumHeaderBytes else {
            tooLarge = true
            return false
        }
        let trimmed = line.trimmed
        if trimmed.hasPrefix("HTTP/") {
            headers.removeAll()  // the final answer's headers are its own; interim ones still count to the limit
        } else if let colon = trimmed.firstIndex(of: ":") {
            headers.append((String(trimmed[..<colon]), String(trimmed[trimmed.index(after: colon)...]).trimmed))
        }
        return true
    }
}

private func curlWrite(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    let (length, overflow) = size.multipliedReportingOverflow(by: count)
    guard let data, let context, !overflow else { return 0 }
    let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
    guard collector.body.count + length <= collector.limit else {
        collector.tooLarge = true
        return 0  // anything but `length` makes libcurl stop with CURLE_WRITE_ERROR
    }
    collector.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
    return length
}

private func curlHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    let (length, overflow) = size.multipliedReportingOverflow(by: count)
    guard let data, let context, !overflow else { return 0 }
    let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
    return collector.header(String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self))
        ? length : 0
}
