import Synchronization

public struct ProxySettings: Sendable, Equatable {
    public var https: String?
    public var http: String?
    public var noProxy: String?

    public init(https: String? = nil, http: String? = nil, noProxy: String? = nil) {
        self.https = https
        self.http = http
        self.noProxy = noProxy
    }

    /// The usual variables, upper- or lower-case, as curl, wget and most tools read them.
    public init(environment: [String: String]) {
        func value(_ name: String) -> String? {
            (environment[name] ?? environment[name.lowercased()]).flatMap { $0.isEmpty ? nil : $0 }
        }
        self.init(
            https: value("HTTPS_PROXY") ?? value("ALL_PROXY"), http: value("HTTP_PROXY") ?? value("ALL_PROXY"),
            noProxy: value("NO_PROXY"))
    }
}

/// Receives the verbose trace. What it is given has secrets masked already; the terminal sink masks again.
public typealias TraceSink = @Sendable (String) -> Void
