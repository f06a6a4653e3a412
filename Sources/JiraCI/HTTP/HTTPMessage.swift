/// One request for the HTTP client. Secrets are passed separately so traces can hide them.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public static func json(_ method: String, _ url: String, body: [UInt8]?, headers: [(name: String, value: String)] = []) -> HTTPRequest {
        var all = headers + [("Accept", "application/json")]
        if body != nil { all.append(("Content-Type", "application/json")) }
        return HTTPRequest(method: method, url: url, headers: all, body: body)
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.last { $0.name.lowercased() == lowered }?.value
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// Transport failures: the request did not get an HTTP answer.
public enum HTTPError: Error, Equatable, Sendable {
    /// Plain http:// to a host that is not loopback: refused before anything is sent.
    case insecureURL(String)
    case invalidURL(String)
    case unresolvableHost(String)
    case connectionFailed(host: String, detail: String)
    case tlsFailed(host: String, detail: String)
    case timedOut(host: String, seconds: Int)
    case connectionDropped(host: String, detail: String)
    case unreadableCACertificate(path: String, reason: String)
    case other(host: String, detail: String)

    /// Worth another try: the network or the server may recover. DNS, TLS and URL problems will not.
    public var isTransient: Bool {
        switch self {
        case .connectionFailed, .timedOut, .connectionDropped: true
        default: false
        }
    }
}
