/// What `jira-ci auth check` finds out about a Cloud credential, without writing anything.
public struct CloudAuthReport: Sendable, Encodable {
    public var site: String?
    public var cloudId: String
    /// RFC 3339.
    public var tokenExpires: String
    public var builds: Bool
    public var deployments: Bool
}

extension CloudSession {
    /// Reads a build and a deployment that do not exist: 404 means the API may be used, 403 means not.
    public func check() throws -> CloudAuthReport {
        let token = try token()
        let endpoints = try endpoints
        let probeId = "jira-ci-auth-check"
        let builds = try allowed(endpoints.build(pipelineId: probeId, buildNumber: 1), api: "builds")
        let deployments = try allowed(
            endpoints.deployment(pipelineId: probeId, environmentId: probeId, number: 1), api: "deployments")
        return CloudAuthReport(
            site: target.siteURL, cloudId: try cloudId(),
            tokenExpires: Clock.rfc3339(microseconds: Int64(token.expiresAt * 1_000_000)),
            builds: builds, deployments: deployments)
    }

    private func allowed(_ url: String, api: String) throws -> Bool {
        let response = try authorized("GET", url, body: nil)
        switch response.status {
        case 200..<300, 404: return true
        case 403: return false
        default: throw CloudReporter.failure(response, api: api)
        }
    }
}
