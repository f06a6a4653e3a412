import Synchronization

/// Builds and deployments on Jira Server / Data Center, which has no Builds or Deployments API: a remote
/// link on every issue (updated in place on later reports), optionally a comment, four issues at a time.
public struct ServerDelivery: JiraDelivery {
    let target: JiraTarget
    let session: ServerSession?
    let options: ServerReportSettings
    /// For a dry run: the credential as far as it is known without secrets.
    let previewCredential: ServerCredential?

    public init(
        target: JiraTarget, session: ServerSession?, options: ServerReportSettings,
        previewCredential: ServerCredential? = nil
    ) {
        self.target = target
        self.session = session
        self.options = options
        self.previewCredential = previewCredential
    }

    public func preview(_ reports: [Report]) throws -> [PreparedRequest] {
        let site = target.siteURL ?? "{jiraURL}"
        var requests = try reports.flatMap { try work(for: $0, site: site).flatMap(\.requests) }
        if !requests.isEmpty, case .serviceAccount(let client)? = previewCredential {
            requests.insert(ServerSession.tokenPreview(site: site, clientId: client.clientId), at: 0)
        }
        return requests
    }

    /// What one report does on Jira Server, issue by issue: a link per issue (and a comment with --comment),
    /// a link per issue and branch, or the deletion of a deleted branch's links.
    func work(for report: Report, site: String) throws -> [(key: String, requests: [PreparedRequest])] {
        func issue(_ key: String) -> String { "\(site)/rest/api/2/issue/\(PercentEncoding.encode(key))" }
        func post(_ link: RemoteLink, to key: String) throws -> [PreparedRequest] {
            var requests = [
                PreparedRequest(method: "POST", url: "\(issue(key))/remotelink", body: try JSON.encode(link))
            ]
            if options.comment {
                requests.append(
                    PreparedRequest(
                        method: "POST", url: "\(issue(key))/comment", body: try JSON.encode(["body": link.commentBody]))
                )
            }
            return requests
        }
        switch report.entity {
        case .build(let build):
            let link = RemoteLink(build: build, context: report.context, site: site)
            return try build.keys.map { ($0, try post(link, to: $0)) }
        case .deployment(let deployment):
            let link = RemoteLink(deployment: deployment, context: report.context, site: site)
            return try report.entity.issueKeys.map { ($0, try post(link, to: $0)) }
        case .devinfo(let repository):
            return try (repository.branches ?? []).flatMap { branch in
                let link = RemoteLink(
                    branch: branch, repository: repository,
                    commitCount: report.context.commitCount ?? repository.commits?.count ?? 0)
                return try branch.issueKeys.map { key in
                    (
                        key,
                        [PreparedRequest(method: "POST", url: "\(issue(key))/remotelink", body: try JSON.encode(link))]
                    )
                }
            }
        case .branchDeletion(let deletion):
            let globalId = RemoteLink.branchGlobalId(repositoryId: deletion.repositoryId, branchId: deletion.branchId)
            return deletion.issueKeys.map { key in
                (
                    key,
                    [
                        PreparedRequest(
                            method: "DELETE",
                            url: "\(issue(key))/remotelink?globalId=\(PercentEncoding.encode(globalId))", body: nil)
                    ]
                )
            }
        }
    }

    enum IssueResult: Sendable {
        case linked(updated: Bool)
        case missing
        case refused(String)
        case failed(any Error)
    }

    public func deliver(_ reports: [Report]) async -> [DeliveryResult] {
        guard let session else {
            return reports.map { _ in .failed(ConfigurationError.missing(.jiraURL, hint: "your Jira Server base URL")) }
        }
        let work: [(report: Int, key: String, requests: [PreparedRequest])]
        do {
            work = try reports.indices.flatMap { index in
                try self.work(for: reports[index], site: session.siteURL).map { (index, $0.key, $0.requests) }
            }
        } catch {
            return reports.map { _ in .failed(error) }
        }
        let lanes = (0..<ServerSession.lanes).map { lane in work.indices.filter { $0 % ServerSession.lanes == lane } }
            .filter { !$0.isEmpty }
        // Once Jira is out of reach or refuses the credentials, the other issues would only wait or fail too.
        let stop = Mutex<(any Error)?>(nil)
        // libcurl calls block, so each lane gets a thread of its own rather than a slot in the cooperative
        // pool, which has only as many threads as cores.
        let done =
            (try? await BlockingLanes.run(lanes.count) { lane in
                lanes[lane].map { item -> (Int, IssueResult) in
                    if let error = stop.withLock({ $0 }) { return (item, .failed(error)) }
                    let result = send(work[item].requests, key: work[item].key, session: session, lane: lane)
                    if case .failed(let error) = result, [.transient, .refused].contains(FailureClass(error)) {
                        stop.withLock { $0 = $0 ?? error }
                    }
                    return (item, result)
                }
            }) ?? []
        var byItem = [IssueResult?](repeating: nil, count: work.count)
        for (item, result) in done.flatMap({ $0 }) { byItem[item] = result }
        // Every issue "missing" may mean the URL lacks Jira's context path (a proxy answering 404 in Jira's own
        // shape): one question to the server itself tells.
        if !byItem.isEmpty, byItem.allSatisfy({ if case .missing? = $0 { true } else { false } }), !session.isJira() {
            return reports.map { _ in .failed(JiraError.noRestAPI(site: session.siteURL)) }
        }
        return reports.indices.map { index in
            Self.result(
                for: reports[index],
                items: work.indices.filter { work[$0].report == index }.map { (work[$0].key, byItem[$0]!) })
        }
    }

    /// Linked issues accept the report; a report no issue took is rejected; a transport or credential failure
    /// leaves it undelivered (links are updated in place, so sending it again later is harmless).
    static func result(for report: Report, items: [(String, IssueResult)]) -> DeliveryResult {
        var outcome = ReportOutcome()
        for (key, result) in items {
            switch result {
            case .linked(let updated):
                outcome.accepted.append(
                    .object(["issueKey": .string(key), "link": .string(updated ? "updated" : "created")]))
            case .missing:
                outcome.unknownIssueKeys.append(key)
            case .refused(let message):
                outcome.reject(
                    .init(key: .object(["issueKey": .string(key)]), errors: [.object(["message": .string(message)])]))
            case .failed(let error):
                return .failed(error)
            }
        }
        return outcome.accepted.isEmpty ? .rejected(outcome) : .accepted(outcome)
    }

    /// One issue's requests, the first deciding the result (a comment after a link only adds to it).
    private func send(_ requests: [PreparedRequest], key: String, session: ServerSession, lane: Int) -> IssueResult {
        do {
            var result = IssueResult.refused("\(key): no answer")
            for (index, request) in requests.enumerated() {
                let path = String(request.url.dropFirst(session.siteURL.count))
                let response = try session.send(request.method, path, body: request.body, lane: lane)
                switch response.status {
                case 200, 201, 204:
                    if index == 0 { result = .linked(updated: response.status == 200) }
                case 404 where request.method == "DELETE":
                    if index == 0 { result = .linked(updated: true) }  // nothing left to delete
                case 404:
                    // Jira says which issue it does not know; any other 404 means no Jira REST API at this URL.
                    if ServerSession.isJiraAnswer(response) { return .missing }
                    return .failed(JiraError.noRestAPI(site: session.siteURL))
                case 403:
                    return .refused("\(key): no permission (the Jira user needs Browse and Link issues on its project)")
                case _ where response.statusClass == .transient:
                    return .failed(JiraError.transientAnswer(session.retry.lastAnswer(response, from: .jiraServer)))
                default:
                    let messages =
                        (try? JSON.decode(JSONValue.self, from: response.body))?["errorMessages"]?.arrayValue
                        .compactMap(\.stringValue) ?? []
                    return .refused(
                        "\(key): HTTP \(response.status)" + (messages.isEmpty ? "" : ": " + AnswerText.line(messages)))
                }
            }
            return result
        } catch {
            return .failed(error)
        }
    }
}
