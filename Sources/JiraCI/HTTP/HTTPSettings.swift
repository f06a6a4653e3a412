import Synchronization

/// How every request of a run is made.
public struct HTTPSettings: Sendable {
    public var timeoutSeconds: Int
    /// A PEM bundle added to the system's trusted CAs (for TLS-inspecting proxies).
    public var extraCACertificatePath: String?
    public var userAgent: String
    /// From HTTPS_PROXY / HTTP_PROXY / NO_PROXY, resolved by the configuration.
    public var proxy: ProxySettings
    /// Plain http to a host that is not loopback: only when the user opts in (an intranet Jira Server).
    public var allowInsecureHTTP: Bool

    public init(
        timeoutSeconds: Int = 30, extraCACertificatePath: String? = nil, userAgent: String,
        proxy: ProxySettings = ProxySettings(), allowInsecureHTTP: Bool = false
    ) {
        self.timeoutSeconds = timeoutSeconds
        self.extraCACertificatePath = extraCACertificatePath
        self.userAgent = userAgent
        self.proxy = proxy
        self.allowInsecureHTTP = allowInsecureHTTP
    }
}
