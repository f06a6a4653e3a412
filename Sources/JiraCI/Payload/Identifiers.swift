/// Stable identifiers derived from names: the same input gives the same id on every run and machine.
///
/// Pipeline and environment ids go into URL paths (gating status, reads, deletes), where Jira handles an
/// encoded `/` unreliably: they are made of the unreserved characters `A-Z a-z 0-9 - . _ ~` only.
public enum Identifiers {
    /// `Production EU` → `production-eu`: lower-case ASCII letters and digits joined by single dashes.
    /// Environment ids are this, so environments named alike group together in Jira.
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

    /// `text` itself when it is unreserved characters only and fits; else a readable slug of it (other
    /// characters become `-`) plus a short hash of the original, so ids that differ only where the slug lost
    /// information stay distinct.
    public static func pathSafe(_ text: String, limit: Int = FieldLimits.text) -> String {
        let bytes = Array(text.utf8)
        if !bytes.isEmpty, bytes.count <= limit, bytes.allSatisfy(isUnreserved) { return text }
        var slug: [UInt8] = []
        var inRun = false
        for byte in bytes {
            if isUnreserved(byte) {
                slug.append(byte)
                inRun = false
            } else if !inRun {
                slug.append(UInt8(ascii: "-"))
                inRun = true
            }
        }
        while slug.first == UInt8(ascii: "-") { slug.removeFirst() }
        while slug.last == UInt8(ascii: "-") { slug.removeLast() }
        let suffix = String(hex(fnv1a(text)).prefix(8))
        let room = limit - suffix.count - 1
        let head = String(decoding: slug.prefix(room), as: UTF8.self)
        return head.isEmpty ? suffix : "\(head)-\(suffix)"
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    /// `text` itself when short enough; else a prefix and a hash of the whole, so long ids stay distinct.
    public static func bounded(_ text: String, limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        let suffix = "-" + hex(fnv1a(text))
        return String(decoding: Array(text.utf8).prefix(limit - suffix.count), as: UTF8.self) + suffix
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
