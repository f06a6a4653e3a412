/// One HTTP request as it will be (or, in a dry run, would be) sent. Bodies are JSON.
public struct PreparedRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var body: [UInt8]?

    public init(method: String, url: String, body: [UInt8]?) {
        self.method = method
        self.url = url
        self.body = body
    }
}
