/// Jira Service Management change gating: what Jira decided for one deployment.
public struct GatingResult: Sendable, Equatable, Encodable {
    public enum Status: String, Sendable, Encodable {
        case allowed, prevented, awaiting, expired, invalid
    }

    public var status: Status
    public var taskKey: String?
    public var updatedTimestamp: String?
    public var details: [JSONValue]

    public var isFinal: Bool { status != .awaiting }
}

/// Polls the gating status until Jira decides or the wait runs out.
public struct GatingPoller: Sendable {
    let session: CloudSession
    let pipelineId: String
    let environmentId: String
    let deploymentNumber: Int64

    public init(session: CloudSession, pipelineId: String, environmentId: String, deploymentNumber: Int64) {
        self.session = session
        self.pipelineId = pipelineId
        self.environmentId = environmentId
        self.deploymentNumber = deploymentNumber
    }

    /// The last status seen: final, or `awaiting` when `wait` ran out. Right after submission Jira may not know
    /// the deployment yet (404); that counts as awaiting too.
    public func poll(wait: Double, every interval: Double, onStatus: (GatingResult) -> Void) throws -> GatingResult {
        let deadline = session.retry.now() + wait
        let url = try session.endpoints.gatingStatus(pipelineId: pipelineId, environmentId: environmentId, number: deploymentNumber)
        var last = GatingResult(status: .awaiting, taskKey: nil, updatedTimestamp: nil, details: [])
        while true {
            let response = try session.authorized("GET", url, body: nil)
            switch response.status {
            case 200..<300:
                guard let answer = try? JSON.decode(JSONValue.self, from: response.body),
                    let status = answer["gatingStatus"]?.stringValue.flatMap(GatingResult.Status.init(rawValue:))
                else {
                    throw JiraError.unavailable("Jira's gating status answer has no gatingStatus")
                }
                last = GatingResult(
                    status: status, taskKey: answer["taskKey"]?.stringValue,
                    updatedTimestamp: answer["updatedTimestamp"]?.stringValue, details: answer["details"]?.arrayValue ?? [])
                onStatus(last)
                if last.isFinal { return last }
            case 404:
                onStatus(last)
            case 403:
                throw JiraError.permissionDenied("the OAuth credential may not read deployment gating status (HTTP 403): tick Deployments for it in Settings > Apps > OAuth credentials")
            default:
                throw CloudReporter.failure(response, api: "deployments")
            }
            let remaining = deadline - session.retry.now()
            guard remaining > 0 else { return last }
            session.retry.sleep(min(interval, remaining))
        }
    }
}

