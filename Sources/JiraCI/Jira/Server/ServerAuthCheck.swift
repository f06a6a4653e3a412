/// What `jira-ci auth check` finds out on Jira Server.
public struct ServerAuthReport: Sendable, Encodable {
    public var site: String
    public var user: String
    public var version: String
    public var credential: String
    /// Jira 8.14 and later take personal access tokens: simpler than OAuth or passwords.
    public var supportsPersonalAccessTokens: Bool
}

extension ServerSession {
    /// The keys of the projects this user can see: `--project auto`, from the cache while it is an hour old.
    public func projectKeys(cache: TokenCache?) throws -> [String] {
        let now = retry.now()
        if let cached = cache?.projects(site: siteURL, credential: credential.identity, now: now) { return cached }
        let response = try send("GET", "/rest/api/2/project")
        if response.status == 404 { throw JiraError.noRestAPI(site: siteURL) }
        guard response.isSuccess, let answer = try? JSON.decode(JSONValue.self, from: response.body) else {
            throw JiraError.unexpectedStatus(url: url("/rest/api/2/project"), status: response.status)
        }
        let keys = answer.arrayValue.compactMap { $0["key"]?.stringValue }.filter(IssueKeyFormat.isProjectKey)
        cache?.storeProjects(keys, site: siteURL, credential: credential.identity, now: now)
        return keys
    }

    // Real Jira takes these parameters; they also put encoded characters into the signed query.
    static let myselfPath = "/rest/api/2/myself?expand=groups,applicationRoles"
    static let serverInfoPath = "/rest/api/2/serverInfo?doHealthCheck=false"

    /// Whether Jira's REST API answers at the site: its server info, which any user may read.
    func isJira() -> Bool {
        guard let response = try? send("GET", Self.serverInfoPath), response.isSuccess,
            let answer = try? JSON.decode(JSONValue.self, from: response.body)
        else { return false }
        return answer["version"] != nil || answer["versionNumbers"] != nil
    }

    /// The requests `check` makes, for `auth check --dry-run`.
    /// - Parameter serviceAccount: the client ID of a service account, whose token request comes first.
    public static func checkPreview(site: String?, serviceAccount: String? = nil) -> [PreparedRequest] {
        let site = site ?? "{jiraURL}"
        let token = serviceAccount.map { [tokenPreview(site: site, clientId: $0)] } ?? []
        return token + [myselfPath, serverInfoPath].map { PreparedRequest(method: "GET", url: site + $0, body: nil) }
    }

    /// A service account's token request as a dry run shows it: the secret as `***`.
    public static func tokenPreview(site: String, clientId: String) -> PreparedRequest {
        let request = tokenRequest(site: site, clientId: clientId, secret: "***")
        return PreparedRequest(method: request.method, url: request.url, body: request.body)
    }

    public func check() throws -> ServerAuthReport {
        let myself = try send("GET", Self.myselfPath)
        if myself.status == 404 { throw JiraError.noRestAPI(site: siteURL) }
        guard myself.isSuccess, let me = try? JSON.decode(JSONValue.self, from: myself.body) else {
            throw JiraError.unexpectedStatus(url: url("/rest/api/2/myself"), status: myself.status)
        }
        let info = try send("GET", Self.serverInfoPath)
        let server = info.isSuccess ? try? JSON.decode(JSONValue.self, from: info.body) : nil
        let numbers =
            server?["versionNumbers"]?.arrayValue.compactMap { value -> Int? in
                if case .integer(let number) = value { return Int(number) }
                return nil
            } ?? []
        let supportsPAT = numbers.count >= 2 && (numbers[0] > 8 || (numbers[0] == 8 && numbers[1] >= 14))
        let name = me["displayName"]?.stringValue ?? "?"
        let login = me["name"]?.stringValue ?? me["key"]?.stringValue ?? "?"
        return ServerAuthReport(
            site: siteURL, user: "\(name) (\(login))", version: server?["version"]?.stringValue ?? "unknown",
            credential: credential.name, supportsPersonalAccessTokens: supportsPAT)
    }
}
