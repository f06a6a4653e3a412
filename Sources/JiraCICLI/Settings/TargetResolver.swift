import JiraCI

/// Where reports go: the target the settings tell, and, when they do not decide whether the site is Jira Cloud or
/// Jira Server/Data Center, what the site says (asked once, anonymously, then cached). A dry run asks nothing: it
/// takes a cached answer, else the credentials' guess.
struct TargetResolver {
    let options: JiraOptions
    let source: SettingsSource

    func target(dryRun: Bool, hook: HookRun? = nil) throws -> JiraTarget {
        var (target, decided) = try options.target.target(source, credentials: options.credentials)
        guard !decided, let site = target.siteURL else { return target }
        // Asked as of a Jira Server, whose plain-http intranet site --allow-insecure-http may allow.
        let connection = try ConnectionResolver(options: options.network, source: source).connection(
            target: JiraTarget(flavor: .server, siteURL: site), hook: hook?.holdsPush == true,
            deadline: hook?.deadline ?? .none, quiet: true)
        let cache = connection.cacheDirectory.map { TokenCache(directory: $0, log: connection.log) }
        if dryRun {
            if let known = SiteFlavorProbe.cached(site: site, cache: cache) { target.flavor = known.flavor }
            return target
        }
        // A credential that could never be sent is refused before anything goes out; with none, the run stops
        // at its configuration without asking.
        let resolver = CredentialsResolver(options: options.credentials, source: source)
        guard try resolver.areConfigured(flavor: target.flavor) else { return target }
        let answer: (flavor: JiraFlavor, deploymentType: String)?
        do {
            answer = try SiteFlavorProbe.ask(site: site, settings: connection)
        } catch let error where FailureClass(error) != .configuration {
            // Down, or refused by a rule of the connection: the report meets the same and says so in its one line.
            return target
        }
        if let answer {
            target.flavor = answer.flavor
        } else if options.credentials.hasClientId(source) {
            // Client credentials are the one case the guess may be wrong: Cloud, or a Data Center service account.
            Terminal.warning(
                "\(site) did not say which Jira it is (GET /rest/api/2/serverInfo); taking it for Jira Cloud, as client credentials suggest (set \(Variable.flavor.bothNames) to server for a Data Center service account)"
            )
        }
        return target
    }
}
