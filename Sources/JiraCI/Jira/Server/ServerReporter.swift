/// Builds and deployments on Jira Server / Data Center, which has no Builds or Deployments API: a remote
/// link on every issue (updated in place on later reports), optionally a comment, four issues at a time.
public struct ServerReporter: JiraReporter {
    let target: JiraTarget
    let session: ServerSession?
    let options: ServerReportOptions

    public init(target: JiraTarget, session: ServerSession?, options: ServerReportOptions) {
        self.target = target
        self.session = session
        self.options = options
    }

    public func preview(_ subject: ReportSubject) throws -> [PreparedRequest] {
        let site = target.siteURL ?? "{jiraURL}"
        return try subject.entity.issueKeys.flatMap { key in try requests(for: key, subject: subject, site: site) }
    }

    func requests(for key: String, subject: ReportSubject, site: String) throws -> [PreparedRequest] {
        let link = RemoteLink(subject: subject)
        let issue = "\(site)/rest/api/2/issue/\(PercentEncoding.encode(key))"
        var requests = [PreparedRequest(method: "POST", url: "\(issue)/remotelink", body: try JSON.encode(link))]
        if options.comment {
            requests.append(PreparedRequest(method: "POST", url: "\(issue)/comment", body: try JSON.encode(["body": link.commentBody])))
        }
        return requests
    }

    enum IssueResult: Sendable {
        case linked(key: String, updated: Bool)
        case missing(key: String)
        case failed(key: String, message: String)
    }

    public func report(_ subject: ReportSubject) async throws -> ReportOutcome {
        guard let session else { throw ConfigurationError.missing(.jiraURL, hint: "your Jira Server base URL") }
        let keys = subject.entity.issueKeys
        let lanes = (0..<ServerSession.lanes).map { lane in
            keys.enumerated().filter { $0.offset % ServerSession.lanes == lane }.map(\.element)
        }.filter { !$0.isEmpty }
        // libcurl calls block, so each lane gets a thread of its own rather than a slot in the
        // cooperative pool, which has only as many threads as cores.
        let results = try await BlockingLanes.run(lanes.count) { lane in
            try lanes[lane].map { try self.report(key: $0, subject: subject, session: session, lane: lane) }
        }.flatMap { $0 }
        var outcome = ReportOutcome()
        for result in results.sorted(by: { keys.firstIndex(of: $0.key)! < keys.firstIndex(of: $1.key)! }) {
            switch result {
            case .linked(let key, let updated):
                outcome.accepted.append(.object(["issueKey": .string(key), "link": .string(updated ? "updated" : "created")]))
            case .missing(let key):
                outcome.unknownIssueKeys.append(key)
            case .failed(let key, let message):
                outcome.rejected.append(.init(key: .object(["issueKey": .string(key)]), errors: [.object(["message": .string(message)])]))
            }
        }
        return outcome
    }

    private func report(key: String, subject: ReportSubject, session: ServerSession, lane: Int) throws -> IssueResult {
        let requests = try requests(for: key, subject: subject, site: session.siteURL)
        var result = IssueResult.failed(key: key, message: "no answer")
        for (index, request) in requests.enumerated() {
            let path = String(request.url.dropFirst(session.siteURL.count))
            let response = try session.send(request.method, path, body: request.body, lane: lane)
            switch response.status {
            case 200, 201:
                if index == 0 { result = .linked(key: key, updated: response.status == 200) }
            case 404:
                return .missing(key: key)
            case 403:
                return .failed(key: key, message: "\(key): no permission (the Jira user needs Browse and Link issues on its project)")
            default:
                let messages = (try? JSON.decode(JSONValue.self, from: response.body))?["errorMessages"]?.arrayValue.compactMap(\.stringValue) ?? []
                return .failed(key: key, message: "\(key): HTTP \(response.status)" + (messages.isEmpty ? "" : ": " + messages.joined(separator: "; ")))
            }
        }
        return result
    }
}

extension ServerReporter.IssueResult {
    var key: String {
        switch self {
        case .linked(let key, _), .missing(let key), .failed(let key, _): key
        }
    }
}
