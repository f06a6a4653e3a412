/// Text from outside (commit messages, branch names, PR titles, server answers) made safe to show on a
/// terminal: control characters are written as escapes (`\x1B`, `\r`, `\u{85}`), so they cannot move the
/// cursor, recolour, erase or ring, and an error stays on one line; so are the Unicode bidirectional
/// embeddings, overrides and isolates (`\u{202E}`), with which a branch name could display as another.
public enum TerminalText {
    /// - Parameter keepingNewlines: multi-line output keeps its line breaks; a one-line message escapes them.
    public static func escaped(_ text: String, keepingNewlines: Bool) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingNewlines: keepingNewlines) }) else {
            return text
        }
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

    /// C0 controls but tab (and newline when kept), DEL, the C1 controls U+0080 to U+009F, the bidirectional
    /// controls U+202A to U+202E and U+2066 to U+2069, and the line and paragraph separators U+2028 and U+2029,
    /// which a log viewer in a browser may break a line at.
    static func needsEscape(_ scalar: Unicode.Scalar, keepingNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A: !keepingNewlines
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// JSON text with the C1 controls (U+0080 to U+009F) and the bidirectional controls inside its strings
    /// written as `\u0080` escapes: the same document, and nothing a terminal acts on.
    public static func jsonEscapingTerminalControls(_ json: String) -> String {
        let escaped = { (scalar: Unicode.Scalar) in
            (0x80...0x9F).contains(scalar.value)
                || (scalar.value >= 0x202A && needsEscape(scalar, keepingNewlines: true))
        }
        guard json.unicodeScalars.contains(where: escaped) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if escaped(scalar) {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
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
