/// Stable identifiers derived from names: the same input gives the same id on every run and machine.
public enum Identifiers {
    /// `Production EU` → `production-eu`: lower-case ASCII letters and digits joined by single dashes.
    public static func slug(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        for byte in name.lowercased().utf8 {
            if ASCII.isLetter(byte) || ASCII.isDigit(byte) {
                if pendingDash && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(Unicode.Scalar(byte))
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        // A name in another script has no ASCII letters; its hash is still stable.
        if out.isEmpty { return "env-" + hex(fnv1a(name)) }
        return bounded(out, limit: FieldLimits.text)
    }

    /// `text` itself when short enough; else a prefix and a hash of the whole, so long ids stay distinct.
    public static func bounded(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let suffix = "-" + hex(fnv1a(text))
        return String(text.prefix(limit - suffix.count)) + suffix
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
