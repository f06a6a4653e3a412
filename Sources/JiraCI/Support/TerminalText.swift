/// Text from outside (commit messages, branch names, PR titles, server answers) made safe to show on a
/// terminal: control characters are written as escapes (`\x1B`, `\r`, `\u{85}`), so they cannot move the
/// cursor, recolour, erase or ring, and an error stays on one line.
public enum TerminalText {
    /// - Parameter keepingNewlines: multi-line output keeps its line breaks; a one-line message escapes them.
    public static func escaped(_ text: String, keepingNewlines: Bool) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingNewlines: keepingNewlines) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingNewlines: keepingNewlines) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{\(hex)}"
            }
        }
        return out
    }

    /// C0 controls but tab (and newline when kept), DEL, and the C1 controls U+0080 to U+009F.
    static func needsEscape(_ scalar: Unicode.Scalar, keepingNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A: !keepingNewlines
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        default: false
        }
    }

    /// JSON text with the C1 controls (U+0080 to U+009F) inside its strings written as `\u0080` escapes: the
    /// same document, and nothing a terminal acts on.
    public static func jsonEscapingC1(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if (0x80...0x9F).contains(scalar.value) {
                out += "\\u00" + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One line, for a table cell or a list item.
    public static func oneLine(_ text: String) -> String {
        escaped(text, keepingNewlines: false)
    }
}
