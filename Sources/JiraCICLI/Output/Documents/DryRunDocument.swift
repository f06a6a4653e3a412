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

    init(requests: [PreparedRequest]) throws {
        self.requests = try requests.map { request in
            Request(method: request.method, url: request.url, body: try request.body.map { try JSON.decode(JSONValue.self, from: $0) })
        }
    }
}
