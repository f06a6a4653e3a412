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
    static let probeId = "jira-ci-auth-check"

    /// The requests `check` makes, for `auth check --dry-run`: no credential is needed to see them.
    public static func checkPreview(target: JiraTarget) -> [PreparedRequest] {
        let endpoints = CloudEndpoints(apiURL: target.apiURL, cloudId: target.cloudId)
        let token =
            #"{"audience":"api.atlassian.com","client_id":"<JIRA_CLIENT_ID>","client_secret":"<JIRA_CLIENT_SECRET>","grant_type":"client_credentials"}"#
        var requests = [PreparedRequest(method: "POST", url: endpoints.token, body: Array(token.utf8))]
        if target.cloudId == nil {
            requests.append(
                PreparedRequest(method: "GET", url: "\(target.siteURL ?? "{jiraURL}")/_edge/tenant_info", body: nil))
        }
        requests.append(
            PreparedRequest(method: "GET", url: endpoints.build(pipelineId: probeId, buildNumber: 1), body: nil))
        requests.append(
            PreparedRequest(
                method: "GET", url: endpoints.deployment(pipelineId: probeId, environmentId: probeId, number: 1),
                body: nil))
        return requests
    }

    /// Reads a build and a deployment that do not exist: 404 means the API may be used, 403 means not.
    public func check() throws -> CloudAuthReport {
        let token = try token()
        let endpoints = try endpoints
        let probeId = Self.probeId
        let builds = try allowed(endpoints.build(pipelineId: probeId, buildNumber: 1), api: "builds")
        let deployments = try allowed(
            endpoints.deployment(pipelineId: probeId, environmentId: probeId, number: 1), api: "deployments")
        return CloudAuthReport(
            site: target.siteURL, cloudId: try cloudId(),
            tokenExpires: WallClock.rfc3339(microseconds: Int64(token.expiresAt.rounded(.down)) * 1_000_000),
            builds: builds, deployments: deployments)
    }

    private func allowed(_ url: String, api: String) throws -> Bool {
        let response = try authorized("GET", url, body: nil)
        switch response.status {
        case 200..<300, 404: return true
        case 403: return false
        case 401: throw JiraError.freshTokenRefused(api: nil)
        default: throw CloudDelivery.failure(response, api: api, retry: retry)
        }
    }
}
