import Synchronization

/// A cloudId goes into every API path: only the characters a real one has (a UUID's) are believed.
public enum CloudId {
    public static func isValid(_ text: String) -> Bool {
        (1...128).contains(text.utf8.count)
            && text.utf8.allSatisfy { ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "-") }
    }
}
