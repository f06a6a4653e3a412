import JiraCI

/// How requests are made, where tokens are cached and where undelivered reports wait, from the network options
/// and their variables: the files and folders they name are checked here (a CA bundle must be readable, a cache
/// or an outbox folder private), with a warning where a setting is not used.
struct ConnectionResolver {
    let options: NetworkOptions
    let source: SettingsSource

    /// - Parameter hook: a push must never wait long on Jira; `deadline` is the hook's budget.
    /// - Parameter quiet: no warning about plain http or the cache folder (a question asked before the real
    ///   connection, which warns).
    func connection(target: JiraTarget, hook: Bool = false, deadline: Deadline = .none, quiet: Bool = false) throws
        -> ConnectionSettings
    {
        let timeout = try source.valueOrDefault(options.timeout, .timeout, inHook: hook).seconds
        let retries = try source.valueOrDefault(options.retries, .retries, inHook: hook).value
        let caCert = source.string(options.caCert, .caCertificate)
        if let caCert {
            do {
                _ = try FileSystem.read(caCert, limit: 16 * 1024 * 1024)
            } catch {
                throw ConfigurationError.unreadableFile(.caCertificate, path: caCert, reason: error.reason)
            }
        }
        let insecure = try source.flag(options.allowInsecureHTTP, .allowInsecureHTTP)
        if insecure {
            guard target.flavor == .server else {
                throw ConfigurationError.serverOnly(.allowInsecureHTTP)
            }
            if !quiet, let site = target.siteURL, let parsed = ParsedURL(site), parsed.isInsecure(allowingHTTP: false) {
                Terminal.warning(
                    "plain http to \(parsed.origin) (--allow-insecure-http): the credentials cross the network unencrypted"
                )
            }
        }
        let verbose = try source.flag(options.verbose, .verbose)
        let noCache = try source.flag(options.noCache, .noCache)
        return ConnectionSettings(
            http: HTTPSettings(
                timeoutSeconds: Int(timeout.rounded(.up)), extraCACertificatePath: caCert,
                userAgent: "jira-ci/\(Version.current)",
                proxy: ProxySettings(environment: source.environment), allowInsecureHTTP: insecure),
            retries: retries,
            cacheDirectory: noCache ? nil : privateCacheDirectory(quiet: quiet),
            log: ReportLog(warning: Terminal.warning, notice: Terminal.notice, trace: verbose ? Terminal.trace : nil),
            redactor: Terminal.redactor,
            deadline: deadline)
    }

    /// The outbox folder, or why there is none (`--no-outbox`, no HOME, a folder that is not private). A folder
    /// others may write to is not used: a report could be forged there.
    /// - Parameter required: `flush`, which has nothing to do without it, fails instead of going on without.
    func outbox(required: Bool = false) throws -> (directory: String?, absence: String?) {
        guard try !source.flag(options.noOutbox, .noOutbox) else {
            return (nil, "\(Variable.noOutbox.bothNames) is set")
        }
        guard let directory = source.string(options.outbox, .outbox) ?? defaultStateDirectory().map({ "\($0)/outbox" })
        else {
            return (nil, "there is no outbox (no \(Variable.outbox.bothNames), and no HOME to keep one in)")
        }
        do {
            try FileSystem.checkPrivate(directory)
        } catch {
            if required { throw ConfigurationError.unreadableFile(.outbox, path: directory, reason: error.reason) }
            Terminal.warning("the outbox \(error); it is not used, so a report Jira cannot take now is lost")
            return (nil, "the outbox \(error)")
        }
        return (directory, nil)
    }

    /// Where jira-ci keeps state beside the outbox (backfill progress): the outbox's parent folder.
    func stateDirectory() -> String? {
        if let explicit = source.string(options.outbox, .outbox) {
            return explicit.contains("/") ? String(explicit[..<explicit.lastIndex(of: "/")!]).nonEmptyPath : "."
        }
        return defaultStateDirectory()
    }

    /// `$XDG_STATE_HOME/jira-ci`, else `~/.local/state/jira-ci`; an empty XDG_STATE_HOME counts as unset.
    private func defaultStateDirectory() -> String? {
        if let state = source.environment["XDG_STATE_HOME"]?.trimmed, state.hasPrefix("/") { return "\(state)/jira-ci" }
        if let home = source.environment["HOME"]?.trimmed, !home.isEmpty { return "\(home)/.local/state/jira-ci" }
        return nil
    }

    /// The cache folder under the outbox's rules: one that belongs to another user or that others may write to
    /// is not used, since a cloudId planted there would send every report to another site.
    /// - Parameter quiet: no warning when it may not be used (`env` only reads it; a question asked before the
    ///   run's own connection, which warns).
    func privateCacheDirectory(quiet: Bool = false) -> String? {
        guard let directory = cacheDirectory() else { return nil }
        do {
            try FileSystem.checkPrivate(directory)
        } catch {
            if !quiet {
                Terminal.warning(
                    "the cache \(error); it is not used, so tokens and cloudIds are asked for on every run")
            }
            return nil
        }
        return directory
    }

    private func cacheDirectory() -> String? {
        if let explicit = source.string(options.cacheDir, .cacheDirectory) { return explicit }
        if let xdg = source.environment["XDG_CACHE_HOME"]?.trimmed, xdg.hasPrefix("/") { return "\(xdg)/jira-ci" }
        if let home = source.environment["HOME"]?.trimmed, !home.isEmpty { return "\(home)/.cache/jira-ci" }
        return nil
    }
}

extension String {
    /// `""` (the parent of `/x`) is the root.
    var nonEmptyPath: String { isEmpty ? "/" : self }
}
