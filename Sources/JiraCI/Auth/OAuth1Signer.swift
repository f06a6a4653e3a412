/// OAuth 1.0a request signing with RSA-SHA1 (RFC 5849), as Jira Server application links expect.
public struct OAuth1Signer: Sendable {
    public let consumerKey: String
    let key: RSAPrivateKey
    /// Fixed values for tests; real requests get a fresh nonce and the current time.
    var nonce: @Sendable () -> String = { CryptoRandom.hex(bytes: 16) }
    var timestamp: @Sendable () -> Int64 = { WallClock.microsecondsSinceEpoch() / 1_000_000 }

    public init(consumerKey: String, key: RSAPrivateKey) {
        self.consumerKey = consumerKey
        self.key = key
    }

    /// The `Authorization` header value for one request. `formParameters` are those of an
    /// `application/x-www-form-urlencoded` body; JSON bodies are not signed (RFC 5849 3.4.1.3.1).
    public func authorization(
        method: String, url: String, token: String?, extra: [(String, String)] = [],
        formParameters: [(String, String)] = []
    ) -> String? {
        var oauth: [(String, String)] = [
            ("oauth_consumer_key", consumerKey),
            ("oauth_nonce", nonce()),
            ("oauth_signature_method", "RSA-SHA1"),
            ("oauth_timestamp", String(timestamp())),
            ("oauth_version", "1.0"),
        ]
        if let token { oauth.append(("oauth_token", token)) }
        oauth += extra
        let base = Self.baseString(method: method, url: url, parameters: oauth + formParameters)
        guard let signature = key.signSHA1(Array(base.utf8)) else { return nil }
        oauth.append(("oauth_signature", Base64.encode(signature)))
        return "OAuth "
            + oauth.map { "\(PercentEncoding.encode($0.0))=\"\(PercentEncoding.encode($0.1))\"" }.joined(
                separator: ", ")
    }

    /// `METHOD&url&parameters`, each part percent-encoded (RFC 5849 3.4.1).
    static func baseString(method: String, url: String, parameters: [(String, String)]) -> String {
        let (baseURL, query) = normalizedURL(url)
        let all = (parameters + query).map { (PercentEncoding.encode($0.0), PercentEncoding.encode($0.1)) }
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
        let normalized = all.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        return [method.uppercased(), PercentEncoding.encode(baseURL), PercentEncoding.encode(normalized)].joined(
            separator: "&")
    }

    /// Lower-case scheme and host, no default port, no query or fragment (RFC 5849 3.4.1.2); plus the
    /// query's parameters, decoded, which join the signed parameters. Parsed by libcurl, as it is sent.
    static func normalizedURL(_ url: String) -> (String, [(String, String)]) {
        guard let parts = ParsedURL(url) else { return (url, []) }
        let defaultPort = parts.scheme == "https" ? 443 : 80
        let port = parts.port.map { $0 == defaultPort ? "" : ":\($0)" } ?? ""
        return ("\(parts.scheme)://\(parts.host)\(port)\(parts.path)", FormEncoding.decode(parts.query ?? ""))
    }
}
