/// Builds, deployments and development information through Jira Cloud's APIs, in bulk requests as large as
/// each API allows: a hook's twenty branches or a flush of a thousand queued reports is a handful of requests.
public struct CloudDelivery: JiraDelivery {
    /// The Builds and Deployments APIs take at most this many entities per request.
    public static let batchLimit = 100

    let target: JiraTarget
    let session: CloudSession?

    /// `session` is nil for a dry run, which needs no credentials.
    public init(target: JiraTarget, session: CloudSession?) {
        self.target = target
        self.session = session
    }

    public func preview(_ reports: [Report]) throws -> [PreparedRequest] {
        let endpoints = CloudEndpoints(apiURL: target.apiURL, cloudId: target.cloudId)
        return try Self.batches(reports).map { batch in
            try endpoints.request(for: batch.map { reports[$0].entity }, options: reports[batch[0]].context.devinfo)
        }
    }

    /// Indices of `reports` grouped by API (and development information by how it asks to be treated), in
    /// order, each group within the API's limits.
    static func batches(_ reports: [Report]) -> [[Int]] {
        var batches: [[Int]] = []
        for kind in ReportAPI.allCases {
            let indices = reports.indices.filter { reports[$0].entity.api == kind }
            switch kind {
            case .builds, .deployments:
                batches += stride(from: 0, to: indices.count, by: batchLimit).map {
                    Array(indices[$0..<min($0 + batchLimit, indices.count)])
                }
            case .devinfo:
                let groups = Dictionary(grouping: indices) { reports[$0].context.devinfo ?? DevInfoHandling() }
                for options in groups.keys.sorted(by: { groups[$0]![0] < groups[$1]![0] }) {
                    let group = groups[options]!
                    batches += DevInfoBatching.batches(group.map { reports[$0] }).map { $0.map { group[$0] } }
                }
            case .branchDeletion:
                batches += indices.map { [$0] }
            }
        }
        return batches
    }

    public func deliver(_ reports: [Report]) async -> [DeliveryResult] {
        guard let session else {
            return reports.map { _ in
                .failed(ConfigurationError.missing(.clientId, hint: "the OAuth client ID of your Jira Cloud site"))
            }
        }
        var results = [DeliveryResult?](repeating: nil, count: reports.count)
        var stop: (any Error)?
        for batch in Self.batches(reports) {
            if let stop {
                for index in batch { results[index] = .failed(stop) }
                continue
            }
            for (index, result) in zip(
                batch, send(Self.asTaken(batch.map { reports[$0] }, by: session), session: session))
            {
                results[index] = result
                // Once Jira is out of reach or refuses the credentials, the next batch would only wait or fail too.
                if case .failed(let error) = result, stop == nil, [.transient, .refused].contains(FailureClass(error)) {
                    stop = error
                }
            }
        }
        return results.map { $0! }
    }

    /// One request; a 400 or 413 for a batch does not say which report is bad, so its reports go one by one
    /// (or in halves) to find out.
    private func send(_ reports: [Report], session: CloudSession) -> [DeliveryResult] {
        let response: HTTPResponse
        do {
            let request = try session.endpoints.request(for: reports.map(\.entity), options: reports[0].context.devinfo)
            response = try session.authorized(request.method, request.url, body: request.body)
        } catch {
            return reports.map { _ in .failed(error) }
        }
        let kind = reports[0].entity.api
        switch (response.status, kind) {
        case (200..<300, .devinfo):
            return Self.devinfoResults(of: response, for: reports)
        case (200..<300, .branchDeletion), (404, .branchDeletion):
            // Deleting is asynchronous; a branch Jira does not have is deleted already.
            return reports.map { .accepted(ReportOutcome(accepted: [$0.entity.apiKey])) }
        case (200..<300, _):
            return Self.results(of: response, for: reports)
        default:
            let error = Self.failure(response, api: kind.apiName, retry: session.retry)
            guard FailureClass(error) == .rejected else { return reports.map { _ in .failed(error) } }
            let message = error.description
            if response.status == 400, response.text.contains("associations"),
                reports.contains(where: \.entity.isBuildByAssociation)
            {
                // A Jira older than builds' associations refuses the whole request for the field it does not know.
                session.learnBuildsTakeIssueKeysOnly()
                session.log.warning(
                    "this Jira does not take builds' associations (\(message)); builds go with the deprecated issueKeys field, at most \(FieldLimits.issueKeysField) keys each, for the rest of the run"
                )
                return send(Self.asTaken(reports, by: session), session: session)
            }
            if reports.count > 1 {
                // A refusal of a whole batch does not say which report is bad: one by one (in halves when too large).
                let part = response.status == 413 ? (reports.count + 1) / 2 : 1
                return stride(from: 0, to: reports.count, by: part).flatMap {
                    send(Array(reports[$0..<min($0 + part, reports.count)]), session: session)
                }
            }
            return [
                .rejected(
                    ReportOutcome(rejected: [
                        .init(key: reports[0].entity.apiKey, errors: [.object(["message": .string(message)])])
                    ]))
            ]
        }
    }

    /// `reports` as the session's Jira takes them: builds by association, unless it said it does not know
    /// associations; then in the deprecated issueKeys field, each build's keys that do not fit said once.
    static func asTaken(_ reports: [Report], by session: CloudSession) -> [Report] {
        guard session.takesBuildsByIssueKeysOnly else { return reports }
        return reports.map { report in
            guard case .build(let build) = report.entity, report.entity.isBuildByAssociation else { return report }
            let (taken, leftOut) = build.withIssueKeysField()
            if !leftOut.isEmpty {
                session.log.warning(
                    "\(report.entity.noun): \(ReportWarning.buildKeysLeftOut(limit: FieldLimits.issueKeysField, keys: leftOut))"
                )
            }
            var report = report
            report.entity = .build(taken)
            return report
        }
    }

    /// A 202 answer of the Builds or Deployments API, report by report. A report the answer neither accepts
    /// nor rejects was not confirmed: it stays undelivered, so nothing leaves the outbox on a garbled answer.
    static func results(of response: HTTPResponse, for reports: [Report]) -> [DeliveryResult] {
        let answer = try? JSON.decode(JSONValue.self, from: response.body)
        let prefix = reports[0].entity.api == .builds ? "Builds" : "Deployments"
        let accepted = Set((answer?["accepted\(prefix)"]?.arrayValue ?? []).map(\.identityText))
        let rejected = answer?["rejected\(prefix)"]?.arrayValue ?? []
        let unknownKeys = (answer?["unknownIssueKeys"]?.arrayValue ?? []).compactMap(\.stringValue)
        let unknownAssociations = answer?["unknownAssociations"]?.arrayValue ?? []
        return reports.map { report in
            let key = report.entity.apiKey
            let keys = report.entity.issueKeys
            var outcome = ReportOutcome(
                unknownIssueKeys: unknownKeys.filter(keys.contains), unknownAssociations: unknownAssociations)
            if let rejection = rejected.first(where: { ($0["key"] ?? .null).identityText == key.identityText }) {
                outcome.reject(.init(key: key, errors: rejection["errors"]?.arrayValue ?? []))
                return .rejected(outcome)
            }
            guard accepted.contains(key.identityText) else { return unconfirmed(report, response) }
            outcome.accepted = [key]
            outcome.keysSent = keys
            return .accepted(outcome)
        }
    }

    /// A 202 answer of the Development Information API: a report is accepted when every commit and branch of
    /// it is listed as accepted, rejected when Jira failed any of them (or the repository).
    static func devinfoResults(of response: HTTPResponse, for reports: [Report]) -> [DeliveryResult] {
        let answer = try? JSON.decode(JSONValue.self, from: response.body)
        let unknownKeys = (answer?["unknownIssueKeys"]?.arrayValue ?? []).compactMap(\.stringValue)
        return reports.map { report in
            guard case .devinfo(let repository) = report.entity else { return unconfirmed(report, response) }
            let accepted = answer?["acceptedDevinfoEntities"]?[repository.id]
            let failed = answer?["failedDevinfoEntities"]?[repository.id]
            var outcome = ReportOutcome(unknownIssueKeys: unknownKeys.filter(report.entity.issueKeys.contains))
            for message in (failed?["errorMessages"]?.arrayValue ?? []) {
                outcome.reject(.init(key: .object(["repositoryId": .string(repository.id)]), errors: [message]))
            }
            var confirmed = true
            var taken: [String: JSONValue] = ["repositoryId": .string(repository.id)]
            for (field, entity, ids) in [
                ("commits", "commit", (repository.commits ?? []).map(\.id)),
                ("branches", "branch", (repository.branches ?? []).map(\.id)),
            ] {
                let acceptedIds = Set((accepted?[field]?.arrayValue ?? []).compactMap(\.stringValue))
                let failures = failed?[field]?.arrayValue ?? []
                var tookIds: [JSONValue] = []
                for id in ids {
                    if let failure = failures.first(where: { $0["id"]?.stringValue == id }) {
                        let key = JSONValue.object(["repositoryId": .string(repository.id), entity: .string(id)])
                        outcome.reject(.init(key: key, errors: failure["errorMessages"]?.arrayValue ?? []))
                    } else if acceptedIds.contains(id) {
                        tookIds.append(.string(id))
                    } else {
                        confirmed = false
                    }
                }
                taken[field] = .array(tookIds)
            }
            // What Jira took is listed even when it failed other entities of the report.
            outcome.accepted = [.object(taken)]
            if !outcome.rejected.isEmpty { return .rejected(outcome) }
            guard confirmed else { return unconfirmed(report, response) }
            return .accepted(outcome)
        }
    }

    static func unconfirmed(_ report: Report, _ response: HTTPResponse) -> DeliveryResult {
        .failed(JiraError.unconfirmed(noun: report.entity.noun, status: response.status))
    }

    /// A non-2xx answer explained, by what the user can do about it; `retry` says why a transient one is final.
    static func failure(_ response: HTTPResponse, api: String, retry: RetryPolicy) -> JiraError {
        switch response.status {
        case 413:
            return .requestRejected(api: api, status: 413, detail: nil)
        case 401:
            return .freshTokenRefused(api: api)
        case 403:
            return .apiForbidden(api: api)
        case 404:
            return .noAPI(api: api)
        case _ where response.statusClass == .transient:
            return .transientAnswer(retry.lastAnswer(response, from: .api(api)))
        case 400..<500:
            // Refused for what was sent: sending it again later would be refused again, so it is not queued.
            // The published schema answers a bare list of errors; Jira has also been seen to wrap it.
            let answer = try? JSON.decode(JSONValue.self, from: response.body)
            let listed =
                (answer?.arrayValue ?? []) + (answer?["errors"]?.arrayValue ?? [])
                + (answer?["errorMessages"]?.arrayValue ?? [])
            let messages = listed.compactMap { $0["message"]?.stringValue ?? $0.stringValue }
            let detail =
                messages.isEmpty
                ? FieldLimits.fitted(response.text, limit: AnswerText.lineLength) : AnswerText.line(messages)
            return .requestRejected(api: api, status: response.status, detail: detail)
        default:
            return .foreignAnswer(api: api, status: response.status)
        }
    }
}

extension ReportAPI {
    var apiName: String {
        switch self {
        case .builds: "builds"
        case .deployments: "deployments"
        case .devinfo, .branchDeletion: "devinfo"
        }
    }
}

extension ReportEntity {
    /// The entity's identity as the API's answers list it.
    var apiKey: JSONValue {
        switch self {
        case .build(let build):
            .object(["pipelineId": .string(build.pipelineId), "buildNumber": .integer(build.buildNumber)])
        case .deployment(let deployment):
            .object([
                "pipelineId": .string(deployment.pipeline.id), "environmentId": .string(deployment.environment.id),
                "deploymentSequenceNumber": .integer(deployment.deploymentSequenceNumber),
            ])
        case .devinfo(let repository):
            .object([
                "repositoryId": .string(repository.id),
                "commits": .array((repository.commits ?? []).map { .string($0.id) }),
                "branches": .array((repository.branches ?? []).map { .string($0.id) }),
            ])
        case .branchDeletion(let deletion):
            .object(["repositoryId": .string(deletion.repositoryId), "deletedBranch": .string(deletion.branchId)])
        }
    }
}

extension JSONValue {
    /// A canonical text of a value, to compare keys whatever their field order.
    var identityText: String {
        (try? JSON.string(self)) ?? ""
    }
}
