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

    /// The request `poll` makes, for `gate --dry-run`.
    public static func preview(target: JiraTarget, pipelineId: String, environmentId: String, deploymentNumber: Int64)
        -> PreparedRequest
    {
        let url = CloudEndpoints(apiURL: target.apiURL, cloudId: target.cloudId)
            .gatingStatus(pipelineId: pipelineId, environmentId: environmentId, number: deploymentNumber)
        return PreparedRequest(method: "GET", url: url, body: nil)
    }

    /// The last status seen: final, or `awaiting` when `wait` ran out.
    public func poll(wait: Double, every interval: Double, onStatus: (GatingResult) -> Void) throws -> GatingResult {
        let deadline = Deadline.after(.milliseconds(Int64(wait * 1000)))
        let url = try session.endpoints.gatingStatus(
            pipelineId: pipelineId, environmentId: environmentId, number: deploymentNumber)
        while true {
            let response = try session.authorized("GET", url, body: nil)
            switch response.status {
            case 200..<300:
                guard let answer = try? JSON.decode(JSONValue.self, from: response.body),
                    let status = answer["gatingStatus"]?.stringValue.flatMap(GatingResult.Status.init(rawValue:))
                else {
                    throw JiraError.noGatingStatus
                }
                let result = GatingResult(
                    status: status, taskKey: answer["taskKey"]?.stringValue,
                    updatedTimestamp: answer["updatedTimestamp"]?.stringValue,
                    details: answer["details"]?.arrayValue ?? [])
                onStatus(result)
                if result.isFinal { return result }
                let remaining = deadline.remainingSeconds ?? 0
                guard remaining > 0 else { return result }
                session.retry.sleep(min(interval, remaining))
            case 404:
                throw GateError.noSuchDeployment(environmentId: environmentId, number: deploymentNumber)
            case 403:
                throw JiraError.gatingForbidden
            default:
                throw CloudDelivery.failure(response, api: "deployments", retry: session.retry)
            }
        }
    }
}
