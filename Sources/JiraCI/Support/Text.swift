extension StringProtocol {
    /// Without leading and trailing whitespace: what users and git put around values.
    public var trimmed: String {
        var view = self[...]
        while let last = view.last, last.isWhitespace { view.removeLast() }
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        return String(view)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension String {
    /// Every occurrence of `target` replaced, compared as UTF-8 bytes (fast, and exact for whole characters:
    /// UTF-8 never matches inside another character).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        var text = self
        return text.withUTF8 { bytes -> String in
            let pattern = Array(target.utf8)
            guard let first = pattern.first, bytes.count >= pattern.count else { return self }
            var output: [UInt8] = []
            var index = 0
            var copied = 0
            while index + pattern.count <= bytes.count {
                if bytes[index] == first, (1..<pattern.count).allSatisfy({ bytes[index + $0] == pattern[$0] }) {
                    output.append(contentsOf: bytes[copied..<index])
                    output.append(contentsOf: replacement.utf8)
                    index += pattern.count
                    copied = index
                } else {
                    index += 1
                }
            }
            guard copied > 0 else { return self }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in first-seen order, each once.
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
