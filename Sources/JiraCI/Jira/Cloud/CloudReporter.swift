/// Builds and deployments through Jira Cloud's Builds and Deployments APIs: one bulk request per report.
public struct CloudReporter: JiraReporter {
    let session: CloudSession?
    let target: JiraTarget

    /// `session` is nil for a dry run, which needs no credentials.
    public init(target: JiraTarget, session: CloudSession?) {
        self.target = target
        self.session = session
    }

    public func preview(_ subject: ReportSubject) throws -> [PreparedRequest] {
        [try CloudEndpoints(apiURL: target.apiURL, cloudId: target.cloudId).request(for: subject.entity)]
    }

    public func report(_ subject: ReportSubject) async throws -> ReportOutcome {
        guard let session else { throw ConfigurationError.missing(.clientId, hint: "the OAuth client ID of your Jira Cloud site") }
        let request = try session.endpoints.request(for: subject.entity)
        let response = try session.authorized(request.method, request.url, body: request.body)
        return try Self.outcome(of: response, for: subject.entity)
    }

    static func outcome(of response: HTTPResponse, for entity: ReportEntity) throws -> ReportOutcome {
        let answer = try? JSON.decode(JSONValue.self, from: response.body)
        let api = entity.apiName
        switch response.status {
        case 200..<300:
            let outcome = ReportOutcome(
                accepted: answer?[entity.acceptedField]?.arrayValue ?? [],
                rejected: (answer?[entity.rejectedField]?.arrayValue ?? []).map {
                    ReportOutcome.Rejection(key: $0["key"] ?? .null, errors: $0["errors"]?.arrayValue ?? [])
                },
                unknownIssueKeys: (answer?["unknownIssueKeys"]?.arrayValue ?? []).compactMap(\.stringValue),
                unknownAssociations: answer?["unknownAssociations"]?.arrayValue ?? [])
            return outcome
        default:
            throw failure(response, api: api)
        }
    }

    /// A non-2xx answer from the Builds or Deployments API, explained.
    static func failure(_ response: HTTPResponse, api: String) -> JiraError {
        let answer = try? JSON.decode(JSONValue.self, from: response.body)
        switch response.status {
        case 400:
            let messages = (answer?["errors"]?.arrayValue ?? []).compactMap { $0["message"]?.stringValue }
            return .rejected("Jira rejected the \(api) request as malformed (HTTP 400): \(messages.isEmpty ? response.text : messages.joined(separator: "; "))")
        case 413:
            return .rejected("Jira rejected the \(api) request as too large (HTTP 413)")
        case 403:
            return .permissionDenied(
                "the OAuth credential may not use the \(api) API (HTTP 403): in Jira, open Settings > Apps > OAuth credentials, edit the credential and tick \(api.capitalizedFirst)")
        case 404:
            return .misconfigured("Jira has no \(api) API here (HTTP 404): check the cloudId (JIRA_CLOUD_ID) and --jira-url")
        case 429, 500...599:
            return .unavailable("Jira kept answering HTTP \(response.status) to the \(api) request, through every retry")
        default:
            return .unavailable("Jira answered the \(api) request with unexpected HTTP \(response.status)")
        }
    }
}

extension ReportEntity {
    var apiName: String {
        switch self {
        case .build: "builds"
        case .deployment: "deployments"
        }
    }

    var acceptedField: String {
        switch self {
        case .build: "acceptedBuilds"
        case .deployment: "acceptedDeployments"
        }
    }

    var rejectedField: String {
        switch self {
        case .build: "rejectedBuilds"
        case .deployment: "rejectedDeployments"
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
