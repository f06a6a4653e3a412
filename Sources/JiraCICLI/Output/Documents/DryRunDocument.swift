import JiraCI

/// `--dry-run --json`: `{"dryRun":true,"requests":[{"method","url","body"}]}`.
struct DryRunDocument: Encodable {
    struct Request: Encodable {
        let method: String
        let url: String
        let body: JSONValue?
    }

    let dryRun = true
    let requests: [Request]

    /// A JSON body as JSON; a form (a service account's token request) as its text.
    static func body(_ bytes: [UInt8]) -> JSONValue {
        (try? JSON.decode(JSONValue.self, from: bytes)) ?? .string(String(decoding: bytes, as: UTF8.self))
    }

    init(requests: [PreparedRequest]) {
        self.requests = requests.map { request in
            Request(method: request.method, url: request.url, body: request.body.map(Self.body))
        }
    }
}
