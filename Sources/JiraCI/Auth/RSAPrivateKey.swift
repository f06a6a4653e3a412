import COpenSSL

/// An RSA private key from PEM (PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1 `BEGIN RSA PRIVATE KEY`), held by libcrypto.
/// Signs with RSA-SHA1 (PKCS #1 v1.5), the only method Jira's application links accept for OAuth 1.0a.
///
/// `@unchecked Sendable`: the `EVP_PKEY` is never changed after loading, and OpenSSL 3 documents a key as safe
/// to use from several threads at once when no thread modifies it (each signature makes its own `EVP_MD_CTX`).
public final class RSAPrivateKey: @unchecked Sendable {
    public enum LoadError: Error, Equatable, Sendable, CustomStringConvertible {
        case encrypted
        case publicKeyOnly
        case notPEM
        case notRSA
        case unreadable(String)

        /// Names the expected format and the command that produces it; never echoes key material.
        public var description: String {
            let problem =
                switch self {
                case .encrypted: "the private key is encrypted; jira-ci needs it unencrypted"
                case .publicKeyOnly:
                    "that is a public key; jira-ci needs the private key (the public one goes into the application link)"
                case .notPEM: "that is not a PEM private key (-----BEGIN PRIVATE KEY-----)"
                case .notRSA: "the key is not an RSA key; application links use RSA"
                case .unreadable: "libcrypto cannot read the private key"
                }
            return
                "\(problem): expected an unencrypted PKCS#8 (BEGIN PRIVATE KEY) or PKCS#1 (BEGIN RSA PRIVATE KEY) PEM; "
                + "convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem -out jira_privatekey.pcks8`"
        }
    }

    private let key: OpaquePointer
    public let bits: Int
    /// The base64 lines of the PEM, as secrets for the output's redactor.
    public let lines: [String]

    /// Accepts the PEM text itself, also with `\n` escaped as CI secret stores often keep it.
    public init(pem text: String) throws(LoadError) {
        let pem = text.contains("\\n") ? text.replacingAll("\\n", with: "\n") : text
        // The PEM's own lines: the output sink hides them should anything ever quote the key.
        lines = pem.split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter {
            $0.count >= 16 && !$0.hasPrefix("-----")
        }
        if pem.contains("ENCRYPTED PRIVATE KEY") || pem.contains("Proc-Type: 4,ENCRYPTED") { throw .encrypted }
        if pem.contains("BEGIN PUBLIC KEY") || pem.contains("BEGIN RSA PUBLIC KEY") || pem.contains("BEGIN CERTIFICATE")
        {
            if !pem.contains("PRIVATE KEY") { throw .publicKeyOnly }
        }
        guard pem.contains("-----BEGIN") && pem.contains("PRIVATE KEY-----") else { throw .notPEM }
        let bytes = Array(pem.utf8)
        let loaded: OpaquePointer? = bytes.withUnsafeBytes { raw in
            guard let length = Int32(exactly: raw.count), let bio = BIO_new_mem_buf(raw.baseAddress, length) else {
                return nil
            }
            defer { BIO_free(bio) }
            // An empty passphrase callback result makes an unexpectedly encrypted key fail instead of prompting.
            return PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in 0 }, nil)
        }
        guard let loaded else {
            throw .unreadable(Self.lastOpenSSLError())
        }
        guard EVP_PKEY_get_base_id(loaded) == EVP_PKEY_RSA else {
            EVP_PKEY_free(loaded)
            throw .notRSA
        }
        key = loaded
        bits = Int(EVP_PKEY_get_bits(loaded))
    }

    deinit {
        EVP_PKEY_free(key)
    }

    /// RSA-SHA1 signature of `message`.
    public func signSHA1(_ message: [UInt8]) -> [UInt8]? {
        guard let context = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha1(), nil, key) == 1 else { return nil }
        var length = 0
        let ok = message.withUnsafeBufferPointer { input -> Bool in
            guard EVP_DigestSign(context, nil, &length, input.baseAddress, input.count) == 1 else { return false }
            return true
        }
        guard ok else { return nil }
        var signature = [UInt8](repeating: 0, count: length)
        let signed = message.withUnsafeBufferPointer { input in
            signature.withUnsafeMutableBufferPointer { output in
                EVP_DigestSign(context, output.baseAddress, &length, input.baseAddress, input.count)
            }
        }
        guard signed == 1 else { return nil }
        return Array(signature.prefix(length))
    }

    private static func lastOpenSSLError() -> String {
        let code = ERR_get_error()
        guard code != 0 else { return "libcrypto could not parse it" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
