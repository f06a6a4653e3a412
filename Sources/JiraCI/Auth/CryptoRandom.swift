import COpenSSL

/// Randomness and encodings from libcrypto.
public enum CryptoRandom {
    /// Hex of `count` bytes from OpenSSL's CSPRNG: OAuth nonces must not repeat or be guessable.
    public static func hex(bytes count: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: count)
        let ok = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(clamping: count)) }
        precondition(ok == 1, "the system's secure random source failed")
        return bytes.hexString
    }
}
