import Synchronization

/// An OAuth 2.0 client-credentials token for one client at one place (Atlassian's API host for Jira Cloud, the
/// site for a Data Center service account): the token in hand while it has a minute left, else the cached one,
/// else a new one from `fetch`; dropped when Jira answers 401, and fetched once again.
final class AccessTokens: Sendable {
    /// A token answer claiming more than this is not believed: the token is used at most this long.
    static let longestLife: Double = 24 * 3600
    /// Real access tokens are a KiB or two; a longer "token" is no answer of a token endpoint, and every secret
    /// costs the output's redactor memory in proportion to its length.
    static let longestToken = 16 * 1024

    let clientId: String
    /// What the cache keys the token by beside the client ID: the API host or the site.
    let place: String
    let cache: TokenCache?
    let redactor: Redactor
    let now: @Sendable () -> Double
    private let held = Mutex<TokenCache.CachedToken?>(nil)
    /// One fetch at a time: parallel lanes that all need a token wait for the one being fetched.
    private let fetching = Mutex(())

    init(clientId: String, place: String, cache: TokenCache?, redactor: Redactor, now: @escaping @Sendable () -> Double)
    {
        self.clientId = clientId
        self.place = place
        self.cache = cache
        self.redactor = redactor
        self.now = now
    }

    /// - Parameter refused: a token Jira answered 401 to: another one is used or fetched (once, however many
    ///   parallel lanes were refused it).
    func token(replacing refused: String? = nil, fetch: (_ now: Double) throws -> TokenCache.CachedToken) throws
        -> TokenCache.CachedToken
    {
        let now = now()
        let usable = { (token: TokenCache.CachedToken?) -> TokenCache.CachedToken? in
            guard let token, token.expiresAt - TokenCache.expiryMargin > now, token.accessToken != refused else {
                return nil
            }
            return token
        }
        if let token = usable(held.withLock { $0 }) { return token }
        if let cached = usable(cache?.token(clientId: clientId, apiURL: place, now: now)) {
            redactor.add(cached.accessToken)
            held.withLock { $0 = cached }
            return cached
        }
        return try fetching.withLock { _ in
            // Another lane may have fetched one while this one waited.
            if let token = usable(held.withLock { $0 }) { return token }
            let token = try fetch(now)
            held.withLock { $0 = token }
            cache?.store(token)
            return token
        }
    }

    /// Jira refused `token`: it leaves the run and the cache, so no later run tries it.
    func drop(_ token: String) {
        held.withLock { if $0?.accessToken == token { $0 = nil } }
        if cache?.token(clientId: clientId, apiURL: place, now: now())?.accessToken == token {
            cache?.dropToken(clientId: clientId, apiURL: place)
        }
    }

    /// A token endpoint's 2xx answer read: the access token, usable in a header and of a believable length, and
    /// its life; nil when the answer holds none. The token is hidden in all output from here on.
    func read(_ response: HTTPResponse, now: Double) -> TokenCache.CachedToken? {
        let answer = try? JSON.decode(JSONValue.self, from: response.body)
        guard let accessToken = answer?["access_token"]?.stringValue, Secret(accessToken).isHeaderSafe,
            accessToken.utf8.count <= Self.longestToken
        else { return nil }
        redactor.add(accessToken)
        return TokenCache.CachedToken(
            accessToken: accessToken, expiresAt: now + Self.lifetime(answer?["expires_in"]), clientId: clientId,
            apiURL: place)
    }

    /// `expires_in` as given when it is a sane number of seconds; an hour (the documented life) otherwise.
    static func lifetime(_ value: JSONValue?) -> Double {
        let seconds: Double? =
            switch value {
            case .integer(let number)?: Double(number)
            case .number(let number)?: number
            default: nil
            }
        guard let seconds, seconds.isFinite, seconds > 0 else { return 3600 }
        return min(seconds, longestLife)
    }
}
