import JiraCI

/// Loads the OAuth 1.0a private key from JIRA_PRIVATE_KEY (PEM text) or a file, with errors that name the
/// expected format and the command that produces it. Never echoes key material.
enum ServerKeyLoader {
    static func load(_ source: SettingsSource, fileFlag: String?) throws -> RSAPrivateKey {
        let pem: String
        let origin: Variable
        if let text = source.string(nil, .privateKey) {
            pem = text
            origin = .privateKey
        } else if let path = source.string(fileFlag, .privateKeyFile) {
            do {
                pem = String(decoding: try FileSystem.read(path, limit: 1024 * 1024), as: UTF8.self)
            } catch {
                throw ConfigurationError.unreadableFile(.privateKeyFile, path: path, reason: error.reason)
            }
            origin = .privateKeyFile
        } else {
            throw ConfigurationError.missing(
                .privateKeyFile,
                hint: "the PKCS#8 PEM private key of the application link (or its text in JIRA_PRIVATE_KEY)")
        }
        let key: RSAPrivateKey
        do {
            key = try RSAPrivateKey(pem: pem)
        } catch {
            throw ConfigurationError.unusablePrivateKey(origin, reason: "\(error)")
        }
        if key.bits < 2048 {
            Terminal.warning(
                "the OAuth private key has \(key.bits) bits; consider a 2048-bit pair for the application link")
        }
        return key
    }
}
