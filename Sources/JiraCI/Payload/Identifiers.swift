/// Stable identifiers derived from names: the same input gives the same id on every run and machine.
///
/// Pipeline and environment ids go into URL paths (gating status, reads, deletes), where Jira handles an
/// encoded `/` unreliably: they are made of the unreserved characters `A-Z a-z 0-9 - . _ ~` only.
public enum Identifiers {
    /// The id of an environment named `name`. Letter case is no part of an environment's identity (`Production`
    /// and `production` are one environment), anything else is: `prod/eu-west`, `prod-eu/west` and `prod-eu-west`
    /// are three. A name of ASCII letters and digits in dash-separated words is its own id, lower-cased
    /// (`production`, `eu-west-1`), as in jira-ci 0.2. Any other becomes a slug (lower-case ASCII letters and
    /// digits, anything else `-`), `_`, and 8 hex digits of a hash of the lower-cased name: `prod-eu-west_…`.
    /// Plain ids hold no `_`, so a hashed id never meets one. A name without an ASCII letter or digit is `env-`
    /// and 16 hex digits of the hash, as in 0.2.
    public static func environmentId(_ name: String) -> String {
        // Lower-cased, then in Unicode's composed form: names Swift's `==` finds equal after lower-casing (an
        // accent typed as one character or as two) are one environment too.
        let identity = Array(name.lowercased()._nfcCodeUnits)
        let dash = UInt8(ascii: "-")
        var slug: [UInt8] = []
        var pendingDash = false
        for byte in identity {
            if ASCII.isLetter(byte) || ASCII.isDigit(byte) {
                if pendingDash && !slug.isEmpty { slug.append(dash) }
                slug.append(byte)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        if !slug.isEmpty, slug == identity {
            return bounded(String(decoding: slug, as: UTF8.self), limit: FieldLimits.text)
        }
        let hash = hex(fnv1a(identity))
        if slug.isEmpty { return "env-" + hash }
        let suffix = "_" + hash.prefix(8)
        var head = slug.prefix(FieldLimits.text - suffix.utf8.count)
        while head.last == dash { head.removeLast() }
        return String(decoding: head, as: UTF8.self) + suffix
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
        fnv1a(text.utf8)
    }

    static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
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
