import JiraCI

/// Which credential a run would use, and why, for `jira-ci env`: by the flavour the settings or the site (as
/// cached) tell, and the documented precedence. Nothing secret is read beyond whether it is set.
enum CredentialChoice {
    static func explain(_ source: SettingsSource) -> String? {
        guard let options = try? JiraOptions.parse([]),
            let (target, decided) = try? options.target.target(source, credentials: options.credentials)
        else { return nil }
        var flavor: JiraFlavor? = decided ? target.flavor : nil
        if flavor == nil, let site = target.siteURL,
            let directory = ConnectionResolver(options: options.network, source: source).privateCacheDirectory(
                quiet: true),
            let known = SiteFlavorProbe.cached(site: site, cache: TokenCache(directory: directory))
        {
            flavor = known.flavor
        }
        let has = { (variable: Variable) in source.string(nil, variable) != nil }
        switch flavor {
        case .cloud?:
            return has(.clientId)
                ? "OAuth client credentials of \(source.string(nil, .clientId)!) (Jira Cloud takes only these)" : nil
        case .server?:
            if has(.personalAccessToken) { return "personal access token (JIRA_PAT wins on Jira Server/Data Center)" }
            if has(.clientId) {
                return
                    "service account \(source.string(nil, .clientId)!) (client credentials on Jira Data Center; no JIRA_PAT)"
            }
            if has(.consumerKey) {
                return
                    "OAuth 1.0a application link \(source.string(nil, .consumerKey)!) (no JIRA_PAT or client credentials)"
            }
            if has(.user) {
                return
                    "user and password of \(source.string(nil, .user)!) (basic authentication, the last choice; Jira 11 turns it off by default)"
            }
            return nil
        case nil:
            if has(.clientId) {
                return
                    "client credentials of \(source.string(nil, .clientId)!): Jira Cloud, or a Data Center service account if the site says it is Data Center (asked on the first report; --flavor decides)"
            }
            return has(.personalAccessToken) || has(.consumerKey) || has(.user)
                ? "a Jira Server/Data Center credential (the site is asked which Jira it is on the first report)" : nil
        }
    }
}
