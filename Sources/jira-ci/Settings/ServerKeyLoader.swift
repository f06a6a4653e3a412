import JiraCI

/// Loads the OAuth 1.0a private key from JIRA_PRIVATE_KEY (PEM text) or a file, with errors that name the
/// expected format and the command that produces it. Never echoes key material.
enum ServerKeyLoader {
    static let conversion = "convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem -out jira_privatekey.pcks8`"

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
            throw ConfigurationError.missing(.privateKeyFile, hint: "the PKCS#8 PEM private key of the application link (or its text in JIRA_PRIVATE_KEY)")
        }
        let key: RSAPrivateKey
        do {
            key = try RSAPrivateKey(pem: pem)
        } catch {
            let problem = switch error {
            case .encrypted: "the private key is encrypted; jira-ci needs it unencrypted"
            case .publicKeyOnly: "that is a public key; jira-ci needs the private key (the public one goes into the application link)"
            case .notPEM: "that is not a PEM private key (-----BEGIN PRIVATE KEY-----)"
            case .notRSA: "the key is not an RSA key; application links use RSA"
            case .unreadable: "libcrypto cannot read the private key"
            }
            throw ConfigurationError.conflict("\(origin.bothNames): \(problem): expected an unencrypted PKCS#8 (BEGIN PRIVATE KEY) or PKCS#1 (BEGIN RSA PRIVATE KEY) PEM; \(conversion)")
        }
        if key.bits < 2048 {
            Terminal.warning("the OAuth private key has \(key.bits) bits; consider a 2048-bit pair for the application link")
        }
        return key
    }
}
