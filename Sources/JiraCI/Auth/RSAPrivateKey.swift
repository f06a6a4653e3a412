import COpenSSL

/// An RSA private key from PEM (PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1 `BEGIN RSA PRIVATE KEY`), held by libcrypto.
/// Signs with RSA-SHA1 (PKCS #1 v1.5), the only method Jira's application links accept for OAuth 1.0a.
public final class RSAPrivateKey: @unchecked Sendable {
    public enum LoadError: Error, Equatable, Sendable {
        case encrypted
        case publicKeyOnly
        case notPEM
        case notRSA
        case unreadable(String)
    }

    private let key: OpaquePointer
    public let bits: Int

    /// Accepts the PEM text itself, also with `\n` escaped as CI secret stores often keep it.
    public init(pem text: String) throws(LoadError) {
        let pem = text.contains("\\n") ? text.replacingAll("\\n", with: "\n") : text
        if pem.contains("ENCRYPTED PRIVATE KEY") || pem.contains("Proc-Type: 4,ENCRYPTED") { throw .encrypted }
        if pem.contains("BEGIN PUBLIC KEY") || pem.contains("BEGIN RSA PUBLIC KEY") || pem.contains("BEGIN CERTIFICATE") {
            if !pem.contains("PRIVATE KEY") { throw .publicKeyOnly }
        }
        guard pem.contains("-----BEGIN") && pem.contains("PRIVATE KEY-----") else { throw .notPEM }
        let bytes = Array(pem.utf8)
        let loaded: OpaquePointer? = bytes.withUnsafeBytes { raw in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
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

/// Randomness and encodings from libcrypto.
public enum CryptoRandom {
    /// Hex of `count` bytes from OpenSSL's CSPRNG: OAuth nonces must not repeat or be guessable.
    public static func hex(bytes count: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: count)
        let ok = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        precondition(ok == 1, "the system's secure random source failed")
        return bytes.hexString
    }
}

public enum Base64 {
    public static func encode(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "" }
        var output = [UInt8](repeating: 0, count: 4 * ((bytes.count + 2) / 3) + 1)
        let length = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { EVP_EncodeBlock($0.baseAddress, input.baseAddress, Int32(input.count)) }
        }
        return String(decoding: output.prefix(Int(length)), as: UTF8.self)
    }
}
