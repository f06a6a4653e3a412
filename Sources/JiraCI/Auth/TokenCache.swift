/// Access tokens and cloudIds kept between runs, so a pipeline's second report within the hour makes one request.
///
/// Entries are small JSON files written atomically with mode 0600: concurrent runs on one agent see a whole old
/// file or a whole new one. Anything unreadable, corrupt or implausible is treated as absent and later
/// overwritten. The client secret is never stored.
public struct TokenCache: Sendable {
    public struct CachedToken: Codable, Equatable, Sendable {
        public var accessToken: String
        /// Seconds since the epoch.
        public var expiresAt: Double
        public var clientId: String
        public var apiURL: String
    }

    struct CachedCloudId: Codable {
        var site: String
        var cloudId: String
    }

    /// Tokens are used until this many seconds before they expire, so none expires mid-request.
    public static let expiryMargin: Double = 60

    public let directory: String
    let log: ReportLog?

    public init(directory: String, log: ReportLog? = nil) {
        self.directory = directory
        self.log = log
    }

    public func token(clientId: String, apiURL: String, now: Double) -> CachedToken? {
        guard let cached = read(CachedToken.self, tokenFile(clientId: clientId, apiURL: apiURL)),
            cached.clientId == clientId, cached.apiURL == apiURL,
            // A hand-edited or foreign file must not put a header into a request or a year 300,000 into a message.
            Secret(cached.accessToken).isHeaderSafe, cached.accessToken.utf8.count <= AccessTokens.longestToken,
            cached.expiresAt.isFinite,
            cached.expiresAt - Self.expiryMargin > now, cached.expiresAt < now + 2 * AccessTokens.longestLife
        else { return nil }
        return cached
    }

    public func store(_ token: CachedToken) {
        write(token, to: tokenFile(clientId: token.clientId, apiURL: token.apiURL))
    }

    public func dropToken(clientId: String, apiURL: String) {
        FileSystem.remove(tokenFile(clientId: clientId, apiURL: apiURL))
    }

    public func cloudId(site: String) -> String? {
        guard let cached = read(CachedCloudId.self, cloudIdFile(site: site)), cached.site == site else { return nil }
        return cached.cloudId
    }

    public func storeCloudId(_ cloudId: String, site: String) {
        write(CachedCloudId(site: site, cloudId: cloudId), to: cloudIdFile(site: site))
    }

    struct CachedDeploymentType: Codable {
        var site: String
        var deploymentType: String
    }

    /// What the site said it is (serverInfo's `deploymentType`): it does not change, so it is asked once.
    public func deploymentType(site: String) -> String? {
        guard let cached = read(CachedDeploymentType.self, deploymentTypeFile(site: site)), cached.site == site else {
            return nil
        }
        return cached.deploymentType
    }

    public func storeDeploymentType(_ type: String, site: String) {
        write(CachedDeploymentType(site: site, deploymentType: type), to: deploymentTypeFile(site: site))
    }

    func deploymentTypeFile(site: String) -> String {
        "\(directory)/deployment-type-\(Digest.sha256Hex(site).prefix(32)).json"
    }

    struct CachedProjects: Codable {
        var site: String
        var credential: String
        var fetchedAt: Double
        var keys: [String]
    }

    /// A project list is believed for an hour: new projects appear within one.
    public static let projectListLife: Double = 3600

    public func projects(site: String, credential: CredentialIdentity, now: Double) -> [String]? {
        guard let cached = read(CachedProjects.self, projectsFile(site: site, credential: credential)),
            cached.site == site, cached.credential == credential.name, cached.fetchedAt.isFinite,
            now - cached.fetchedAt < Self.projectListLife, now >= cached.fetchedAt
        else { return nil }
        return cached.keys.filter(IssueKeyFormat.isProjectKey)
    }

    public func storeProjects(_ keys: [String], site: String, credential: CredentialIdentity, now: Double) {
        write(
            CachedProjects(site: site, credential: credential.name, fetchedAt: now, keys: keys),
            to: projectsFile(site: site, credential: credential))
    }

    func projectsFile(site: String, credential: CredentialIdentity) -> String {
        "\(directory)/projects-\(Digest.sha256Hex(site + "\n" + credential.name).prefix(32)).json"
    }

    func tokenFile(clientId: String, apiURL: String) -> String {
        "\(directory)/token-\(Digest.sha256Hex(clientId + "\n" + apiURL).prefix(32)).json"
    }

    func cloudIdFile(site: String) -> String {
        "\(directory)/cloudid-\(Digest.sha256Hex(site).prefix(32)).json"
    }

    private func read<T: Decodable>(_ type: T.Type, _ path: String) -> T? {
        guard FileSystem.exists(path) else { return nil }
        do {
            return try JSON.decode(type, from: try FileSystem.read(path, limit: 64 * 1024))
        } catch let failure as FileSystem.Failure {
            log?.warning("ignoring the cache entry \(failure)")
            return nil
        } catch {
            return nil
        }
    }

    /// A cache that cannot be written costs a request next time; it never fails a report.
    private func write<T: Encodable>(_ value: T, to path: String) {
        guard let bytes = try? JSON.encode(value) else { return }
        do {
            try FileSystem.makeDirectory(directory)
            try FileSystem.writeAtomically(bytes, to: path)
        } catch {
            log?.trace?("* cannot write the cache entry \(error)")
        }
    }
}
