import JiraCI

/// What a dry run shows: the target, the keys and their sources, and each request exactly as it would be sent.
enum DryRunView {
    struct Output: Encodable {
        struct Request: Encodable {
            let method: String
            let url: String
            let body: JSONValue?
        }
        let dryRun = true
        let requests: [Request]
    }

    static func json(requests: [PreparedRequest]) throws -> String {
        let shown = try requests.map { request in
            Output.Request(method: request.method, url: request.url, body: try request.body.map { try JSON.decode(JSONValue.self, from: $0) })
        }
        return try JSON.string(Output(requests: shown), pretty: true)
    }

    static func text(plan: ReportPlan, target: JiraTarget, requests: [PreparedRequest]) throws -> String {
        var lines = ["Dry run: nothing was sent."]
        switch target.flavor {
        case .cloud:
            let site = target.siteURL.map { "site \($0), " } ?? ""
            let cloudId = target.cloudId.map { "cloudId \($0)" } ?? "cloudId not known yet"
            lines.append("Target: Jira Cloud (\(site)\(cloudId))")
        case .server:
            lines.append("Target: Jira Server/Data Center (\(target.siteURL ?? "no --jira-url yet")): a remote link on each issue")
        }
        lines.append("")
        lines.append(KeysTable.render(plan.discovery))
        for request in requests {
            lines.append("")
            lines.append("\(request.method) \(request.url)")
            if let body = request.body {
                lines.append(try JSON.string(JSON.decode(JSONValue.self, from: body), pretty: true))
            }
        }
        return lines.joined(separator: "\n")
    }
}
