import Testing

@testable import JiraCI

/// Commit messages, branch names and server answers shown on a terminal cannot move the cursor, recolour,
/// erase or ring: control characters are written as escapes.
struct TerminalTextTests {
    @Test(arguments: [
        ("\u{1B}[31mred\u{1B}[0m", #"\x1B[31mred\x1B[0m"#),
        ("over\rwrite", #"over\rwrite"#),
        ("ring\u{07}", #"ring\x07"#),
        ("del\u{7F}", #"del\x7F"#),
        ("nul\u{0}", #"nul\x00"#),
        ("\u{08}\u{0B}\u{0C}\u{1F}", #"\x08\x0B\x0C\x1F"#),
        ("next\u{85}line", #"next\u{85}line"#),
        ("csi\u{9B}2J", #"csi\u{9B}2J"#),
        ("c1 \u{80} \u{9F}", #"c1 \u{80} \u{9F}"#),
        ("tab\tkept", "tab\tkept"),
        ("crlf\r\n", #"crlf\r\n"#),
        ("plain text, ünïcödé, 日本語, 😀, e\u{301}", "plain text, ünïcödé, 日本語, 😀, e\u{301}"),
        // Just past the C1 range: ordinary characters.
        ("\u{A0}\u{200B}\u{2027}\u{202F}\u{2065}\u{206A}", "\u{A0}\u{200B}\u{2027}\u{202F}\u{2065}\u{206A}"),
        // Bidirectional controls ("Trojan Source"): a branch that would display as something it is not.
        ("main\u{202E}gnp.exe", #"main\u{202E}gnp.exe"#),
        ("\u{202A}\u{202B}\u{202C}\u{202D}", #"\u{202A}\u{202B}\u{202C}\u{202D}"#),
        ("\u{2066}iso\u{2067}late\u{2068}d\u{2069}", #"\u{2066}iso\u{2067}late\u{2068}d\u{2069}"#),
        // Line and paragraph separators, which a browser's log viewer may break at.
        ("one\u{2028}two\u{2029}", #"one\u{2028}two\u{2029}"#),
        // Right-to-left text itself is kept: only the invisible controls are shown.
        ("שלום עולם مرحبا", "שלום עולם مرحبا"),
    ])
    func controlsAreEscapedOnOneLine(text: String, expected: String) {
        #expect(TerminalText.oneLine(text) == expected)
        #expect(TerminalText.escaped(text, keepingNewlines: false) == expected)
    }

    @Test func newlinesAreKeptOrEscaped() {
        #expect(TerminalText.escaped("a\nb\u{1B}", keepingNewlines: true) == "a\nb\\x1B")
        #expect(TerminalText.escaped("a\nb\u{1B}", keepingNewlines: false) == "a\\nb\\x1B")
        #expect(TerminalText.escaped("a\r\nb", keepingNewlines: true) == "a\\r\nb")
        #expect(TerminalText.escaped("a\nb", keepingNewlines: true) == "a\nb")
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x2028...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }

    @Test func theResultNeverHoldsAControlAndPlainTextIsUntouched() {
        var random = SplitMix64(seed: 0x7E7)
        for _ in 0..<2000 {
            let text = String(
                String.UnicodeScalarView(
                    random.unicode(Int.random(in: 0...60, using: &random)).unicodeScalars.filter { $0 != "\\" }))
            for keepingNewlines in [true, false] {
                let shown = TerminalText.escaped(text, keepingNewlines: keepingNewlines)
                let allowed: Set<UInt32> = keepingNewlines ? [0x09, 0x0A] : [0x09]
                #expect(
                    !shown.unicodeScalars.contains { Self.isControl($0) && !allowed.contains($0.value) },
                    "\(text.debugDescription)")
                // Removing the escapes' own text gives back the non-control text: nothing else changed.
                let plain = String(
                    String.UnicodeScalarView(
                        text.unicodeScalars.filter { !Self.isControl($0) || allowed.contains($0.value) }))
                if plain.unicodeScalars.elementsEqual(text.unicodeScalars) {
                    #expect(shown == text)
                } else {
                    #expect(Self.unescaped(shown) == text, "\(text.debugDescription) → \(shown.debugDescription)")
                }
            }
        }
    }

    /// Undoes the escapes, to show that escaping loses nothing. (A literal backslash in the input is ambiguous,
    /// so the generator's texts contain none.)
    static func unescaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let first = scalars.first {
            scalars = scalars.dropFirst()
            guard first == "\\", let kind = scalars.first else {
                out.append(first)
                continue
            }
            scalars = scalars.dropFirst()
            switch kind {
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "x":
                let hex = String(String.UnicodeScalarView(scalars.prefix(2)))
                scalars = scalars.dropFirst(2)
                out.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
            case "u":
                let body = scalars.dropFirst().prefix { $0 != "}" }
                scalars = scalars.dropFirst(body.count + 2)
                out.append(Unicode.Scalar(UInt32(String(String.UnicodeScalarView(body)), radix: 16)!)!)
            default:
                out.append(first)
                out.append(kind)
            }
        }
        return String(out)
    }
}
