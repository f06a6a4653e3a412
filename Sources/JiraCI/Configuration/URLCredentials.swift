public enum URLCredentials {
    /// Every `scheme://user:password@` in a text (a message quoting what the user typed, a trace) with the
    /// user and password masked: a password inside a URL is never shown, whoever quotes it.
    public static func scrubbed(_ text: [UInt8]) -> [UInt8] {
        let marker = Array("://".utf8)
        var output: [UInt8] = []
        var index = 0
        var copied = 0
        while index + marker.count <= text.count {
            guard text[index] == marker[0], text[index + 1] == marker[1], text[index + 2] == marker[2] else {
                index += 1
                continue
            }
            let start = index + marker.count
            var end = start
            while end < text.count, !ends(text[end]) { end += 1 }
            if let at = text[start..<end].lastIndex(of: UInt8(ascii: "@")), at > start {
                output.append(contentsOf: text[copied..<start])
                output.append(contentsOf: Array("***".utf8))
                copied = at
            }
            index = max(end, start)
        }
        guard copied > 0 else { return text }
        return output + text[copied...]
    }

    /// What ends a URL quoted in prose: space, a quote, an angle bracket, a control character.
    private static func ends(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "`")
    }

    /// `https://bob:pw@host/x` → `https://***@host/x`: for messages about a URL that must not echo a password.
    /// Everything up to the last `@` is masked, since a password may hold `/`, `?` or `#` (which is also why
    /// libcurl may refuse such a URL at all).
    public static func masked(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@") else { return url }
        let start = url.firstRange(of: "://")?.upperBound ?? url.startIndex
        guard start <= at else { return "***" + url[at...] }
        return url[..<start] + "***" + url[at...]
    }
}
