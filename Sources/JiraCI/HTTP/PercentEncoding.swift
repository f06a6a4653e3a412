/// RFC 3986 percent-encoding. Only the unreserved set passes through; OAuth 1.0a signing relies on exactly this.
public enum PercentEncoding {
    public static func encode(_ text: String) -> String {
        encode(text, keeping: { _ in false })
    }

    /// `%XX` escapes undone (a `+` stays a `+`: this is for paths, not forms); malformed escapes stay as they are.
    public static func decode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
                let value = UInt8(String(decoding: input[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Keeps `/` so a branch like `feature/x` stays readable in a path.
    public static func encodePath(_ text: String) -> String {
        encode(text, keeping: { $0 == UInt8(ascii: "/") })
    }

    private static func encode(_ text: String, keeping extra: (UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F
                || byte == 0x7E || extra(byte)
            {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
