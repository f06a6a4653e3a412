import ArgumentParser
import JiraCI

/// Where a report goes; every command that talks to Jira takes these.
struct TargetOptions: ParsableArguments {
    @Option(.jiraURL, as: SiteURL.self)
    var jiraURL: SiteURL?

    @Option(.flavor, as: JiraFlavor.self)
    var flavor: JiraFlavor?

    @Option(.cloudId)
    var cloudId: String?

    @Option(.apiURL, as: SiteURL.self)
    var apiURL: SiteURL?

    @Flag(.dryRun)
    var dryRun = false

    func isDryRun(_ source: SettingsSource) throws -> Bool {
        try source.flag(dryRun, .dryRun)
    }

    /// - Parameter credentials: which credentials are configured decides the flavour when nothing else does.
    func target(_ source: SettingsSource, credentials: CredentialOptions) throws -> JiraTarget {
        let site = try source.value(jiraURL, .jiraURL)
        let api = try source.valueOrDefault(apiURL, .apiURL).text
        let cloudId = source.string(self.cloudId, .cloudId)
        if let cloudId, !CloudId.isValid(cloudId) {
            throw ConfigurationError.invalid(.cloudId, value: cloudId, expected: "expected the site's cloudId, letters, digits and dashes (https://SITE.atlassian.net/_edge/tenant_info shows it)")
        }
        let isCloudSite = site.map { JiraTarget.isCloudHost($0.parsed.host) } ?? false
        let flavor: JiraFlavor
        if let chosen = try source.value(self.flavor, .flavor) {
            flavor = chosen
        } else if credentials.hasClientId(source) || site == nil {
            flavor = .cloud
        } else if isCloudSite {
            if credentials.hasServerCredential(source) {
                throw ConfigurationError.conflict(
                    "\(site!.parsed.host) is Jira Cloud, which takes OAuth credentials, not JIRA_PAT, JIRA_USER or an application link: create them under Settings > Apps > OAuth credentials and set JIRA_CLIENT_ID and JIRA_CLIENT_SECRET")
            }
            flavor = .cloud
        } else {
            flavor = .server
        }
        // A Cloud URL copied from the browser (`/jira/software/projects/X`) means the site.
        let siteText = site.map { flavor == .cloud && isCloudSite ? JiraTarget.siteRoot($0) : $0.text }
        return JiraTarget(flavor: flavor, siteURL: siteText, cloudId: cloudId, apiURL: api)
    }
}
