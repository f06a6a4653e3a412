/// Key boundaries: a neighbour that is a letter or digit in any script glues the key into a word.
enum UnicodeNeighbour {
    static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return true }
        let byte = bytes[index]
        if byte < 0x80 { return !(ASCII.isLetter(byte) || ASCII.isDigit(byte)) }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return !isLetterOrDigit(bytes, from: index, to: end)
    }

    static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        guard index > 0 else { return true }
        let byte = bytes[index - 1]
        if byte < 0x80 { return !(ASCII.isLetter(byte) || ASCII.isDigit(byte)) }
        // A UTF-8 character has at most three continuation bytes: walking further would read a neighbour the
        // streaming scanner's window may not hold, and no valid character starts there anyway.
        var start = index - 1
        while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return !isLetterOrDigit(bytes, from: start, to: index)
    }

    private static func isLetterOrDigit(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        var decoder = UTF8()
        var iterator = slice.makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
