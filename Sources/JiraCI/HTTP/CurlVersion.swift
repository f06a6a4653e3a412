import CCurl

/// The libcurl jira-ci runs with, as that library reports itself (not the headers it was built against): what a bug
/// report needs, since agents differ in their libcurl and in the TLS library behind it.
public struct CurlVersion: Sendable, Equatable, Encodable {
    /// libcurl's version, e.g. `7.88.1`.
    public let version: String
    /// The TLS library libcurl uses, e.g. `OpenSSL/3.0.17`; nil when it was built without one.
    public let tls: String?

    public static func current() -> CurlVersion {
        guard let info = curl_version_info(CURLVERSION_FIRST), let version = info.pointee.version else {
            return CurlVersion(version: "unknown", tls: nil)
        }
        return CurlVersion(version: String(cString: version), tls: info.pointee.ssl_version.map { String(cString: $0) })
    }
}
