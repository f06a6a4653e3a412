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

    public static func json(
        _ method: String, _ url: String, body: [UInt8]?, headers: [(name: String, value: String)] = []
    ) -> HTTPRequest {
        var all = headers + [("Accept", "application/json")]
        if body != nil { all.append(("Content-Type", "application/json")) }
        return HTTPRequest(method: method, url: url, headers: all, body: body)
    }
}
