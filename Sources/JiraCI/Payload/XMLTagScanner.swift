/// Just enough XML tokenizing for JUnit reports: element names and whether a tag opens, closes or is empty.
/// Comments, CDATA (where test output often holds `<` characters), declarations and attribute values are skipped.
struct XMLTagScanner {
    enum Kind { case open, close, selfClosing }
    struct Tag {
        let name: String
        let kind: Kind
    }

    private let bytes: [UInt8]
    private var index = 0
    /// The input stopped inside a tag, comment or CDATA section.
    private(set) var endedInsideMarkup = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> Tag? {
        while let open = find(UInt8(ascii: "<"), from: index) {
            index = open + 1
            if hasPrefix("!--") {
                index = skip(past: find(sequence: Array("-->".utf8), from: index))
                continue
            }
            if hasPrefix("![CDATA[") {
                index = skip(past: find(sequence: Array("]]>".utf8), from: index))
                continue
            }
            if hasPrefix("?") || hasPrefix("!") {
                index = skip(past: find(UInt8(ascii: ">"), from: index))
                continue
            }
            let closing = hasPrefix("/")
            if closing { index += 1 }
            let nameStart = index
            while index < bytes.count, !Self.endsName(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            let end = endOfTag(from: index)
            if end == bytes.count { endedInsideMarkup = true }
            let selfClosing = end > 0 && bytes[end - 1] == UInt8(ascii: "/")
            index = end + 1
            guard !name.isEmpty else { continue }
            return Tag(name: localName(name), kind: closing ? .close : (selfClosing ? .selfClosing : .open))
        }
        return nil
    }

    private mutating func skip(past end: Int?) -> Int {
        if end == nil { endedInsideMarkup = true }
        return end ?? bytes.count
    }

    /// The `>` that ends the tag, skipping quoted attribute values that may contain one.
    private func endOfTag(from start: Int) -> Int {
        var i = start
        var quote: UInt8?
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return i
            }
            i += 1
        }
        return bytes.count
    }

    private func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    private static func endsName(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
    }

    private func hasPrefix(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard index + needle.count <= bytes.count else { return false }
        return Array(bytes[index..<index + needle.count]) == needle
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes[start...].firstIndex(of: byte)
    }

    private func find(sequence: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + sequence.count <= bytes.count {
            if bytes[i] == sequence[0], Array(bytes[i..<i + sequence.count]) == sequence { return i + sequence.count }
            i += 1
        }
        return nil
    }
}
