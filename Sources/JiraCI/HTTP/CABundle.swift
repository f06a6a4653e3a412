import Synchronization

/// The system's CA bundle plus the user's, so `--ca-cert` adds trust instead of replacing it.
enum CABundle {
    static let systemBundles = [
        "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem",
    ]

    static func combined(adding path: String) throws(HTTPError) -> [UInt8] {
        let extra: [UInt8]
        do {
            extra = try FileSystem.read(path, limit: 16 * 1024 * 1024)
        } catch {
            throw .unreadableCACertificate(path: path, reason: error.reason)
        }
        guard String(decoding: extra, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            throw .unreadableCACertificate(path: path, reason: "holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        let candidates = (CurlHandle.defaultCABundle().map { [$0] } ?? []) + systemBundles
        let system = candidates.lazy.compactMap { try? FileSystem.read($0, limit: 16 * 1024 * 1024) }.first ?? []
        return system + [UInt8(ascii: "\n")] + extra
    }
}
