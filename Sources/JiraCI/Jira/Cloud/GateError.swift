/// The gate cannot pass.
public enum GateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Jira has no such deployment (never reported, or reported while Jira was down and still queued).
    case noSuchDeployment(environmentId: String, number: Int64)
    case notPassed(String)

    public var description: String {
        switch self {
        case .noSuchDeployment(let environment, let number):
            "Jira has no deployment \(number) to environment '\(environment)' to decide on (HTTP 404): report it first with `jira-ci deploy --gate --service …` (a deployment queued while Jira was down is not there yet)"
        case .notPassed(let reason):
            reason
        }
    }
}
