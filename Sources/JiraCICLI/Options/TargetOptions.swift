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

    /// The target as the settings tell it, and whether they decide its flavour: `--flavor`, a cloudId, or an
    /// Atlassian host do; otherwise the flavour is the credentials' guess (client credentials: Cloud), which the
    /// site itself confirms or corrects (`TargetResolver`).
    func target(_ source: SettingsSource, credentials: CredentialOptions) throws -> (target: JiraTarget, decided: Bool)
    {
        let site = try source.value(jiraURL, .jiraURL)
        let api = try source.valueOrDefault(apiURL, .apiURL).text
        let cloudId = source.string(self.cloudId, .cloudId)
        if let cloudId, !CloudId.isValid(cloudId) {
            throw ConfigurationError.invalid(
                .cloudId, value: cloudId,
                expected:
                    "expected the site's cloudId, letters, digits and dashes (https://SITE.atlassian.net/_edge/tenant_info shows it)"
            )
        }
        let isCloudSite = site.map { JiraTarget.isCloudHost($0.parsed.host) } ?? false
        let flavor: JiraFlavor
        var decided = true
        if let chosen = try source.value(self.flavor, .flavor) {
            flavor = chosen
        } else if cloudId != nil || site == nil {
            flavor = .cloud
        } else if isCloudSite {
            if credentials.hasServerCredential(source) {
                throw ConfigurationError.serverCredentialOnCloud(host: site!.parsed.host)
            }
            flavor = .cloud
        } else {
            flavor = credentials.hasClientId(source) ? .cloud : .server
            decided = false
        }
        // A Cloud URL copied from the browser (`/jira/software/projects/X`) means the site.
        let siteText = site.map { flavor == .cloud && isCloudSite ? JiraTarget.siteRoot($0) : $0.text }
        return (JiraTarget(flavor: flavor, siteURL: siteText, cloudId: cloudId, apiURL: api), decided)
    }
}
