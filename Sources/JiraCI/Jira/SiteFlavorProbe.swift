/// Which kind of Jira a site is, asked of the site itself when neither `--flavor` nor an Atlassian host name
/// tells: `GET {site}/rest/api/2/serverInfo`, anonymously (any client may ask), whose `deploymentType` is `Cloud`,
/// `Server` or `DataCenter`. A Jira Cloud site can have a custom domain, so the host alone does not decide. The
/// answer never changes for a site: it is cached like the cloudId.
public enum SiteFlavorProbe {
    static let path = "/rest/api/2/serverInfo"

    /// The deployment types Jira answers, and the flavour each is.
    static func flavor(of deploymentType: String) -> JiraFlavor? {
        switch deploymentType {
        case "Cloud": .cloud
        case "Server", "DataCenter": .server
        default: nil
        }
    }

    /// The site's deployment type from the cache, if it was asked before.
    public static func cached(site: String, cache: TokenCache?) -> (flavor: JiraFlavor, deploymentType: String)? {
        guard let type = cache?.deploymentType(site: site), let flavor = flavor(of: type) else { return nil }
        return (flavor, type)
    }

    /// What the site says, asked once without retries (the report that follows retries, and waiting twice on a
    /// Jira that is down would double the wait): its flavour, or nil when it answered without telling (an
    /// error, a page that is no Jira's, a proxy that wants a login). A site that cannot be reached throws as any
    /// request does; an answer that names no kind of Jira is a setting to give.
    public static func ask(site: String, settings: ConnectionSettings) throws -> (
        flavor: JiraFlavor, deploymentType: String
    )? {
        let cache = settings.cacheDirectory.map { TokenCache(directory: $0, log: settings.log) }
        if let known = cached(site: site, cache: cache) { return known }
        let once = RetryPolicy(retries: 0, deadline: settings.retry.deadline)
        let response = try once.send(
            { HTTPRequest.json("GET", site + path, body: nil) }, with: try settings.connection(),
            notice: settings.log.notice)
        if response.statusClass == .transient {
            throw JiraError.transientAnswer(once.lastAnswer(response, from: .url(site + path)))
        }
        guard response.isSuccess, let answer = try? JSON.decode(JSONValue.self, from: response.body),
            let type = answer["deploymentType"]?.stringValue
        else { return nil }
        guard let flavor = flavor(of: type) else {
            throw ConfigurationError.unknownFlavor(site: site, deploymentType: type)
        }
        cache?.storeDeploymentType(type, site: site)
        settings.log.trace?("* \(site) is Jira \(type)")
        return (flavor, type)
    }
}
