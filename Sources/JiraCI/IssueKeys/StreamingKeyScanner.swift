/// Finds keys in a text that arrives in pieces (a commit message from git's pipe), holding only a small window
/// of it: a 50 MB message costs the window, not 50 MB. Finds exactly what `IssueKeyScanner` finds in the whole.
///
/// Each piece is scanned together with the last `window` bytes before it. A key is decided once the bytes
/// after it are in view (`lookahead`); keys decided in an earlier scan are not reported again. A key whose
/// word run reaches back beyond the window has a project part longer than any project, in the window's view
/// and in the whole text's alike, so the cut never changes a decision.
public struct StreamingKeyScanner {
    static let window = 1024
    /// Enough to see the character after a key (4 UTF-8 bytes) with room to spare.
    static let lookahead = 8

    let scanner: IssueKeyScanner
    let letterCase: IssueKeyScanner.LetterCase
    private var carry: [UInt8] = []
    /// Offset in the whole text of `carry[0]`.
    private var carryStart = 0
    /// Keys ending at or before this offset in `carry` were decided by an earlier scan.
    private var decidedUpTo = -1
    /// Offset in the whole text where the last reported key ended: nothing overlapping it is a new key.
    private var reportedUpTo = 0

    public init(scanner: IssueKeyScanner, letterCase: IssueKeyScanner.LetterCase) {
        self.scanner = scanner
        self.letterCase = letterCase
        carry.reserveCapacity(Self.window + 64 * 1024)
    }

    public mutating func feed(_ piece: UnsafeBufferPointer<UInt8>, onKey: (String) -> Void) {
        guard !piece.isEmpty else { return }
        carry.append(contentsOf: piece)
        scanCarry(final: false, onKey: onKey)
        let cut = max(0, carry.count - Self.window)
        decidedUpTo = carry.count - Self.lookahead - cut
        carryStart += cut
        carry.removeFirst(cut)
    }

    /// The text ended: decides the keys at its end. The scanner is then ready for a new text.
    public mutating func finish(onKey: (String) -> Void) {
        scanCarry(final: true, onKey: onKey)
        carry.removeAll(keepingCapacity: true)
        carryStart = 0
        decidedUpTo = -1
        reportedUpTo = 0
    }

    private mutating func scanCarry(final: Bool, onKey: (String) -> Void) {
        let undecidedLimit = final ? carry.count : carry.count - Self.lookahead
        let (start, decided) = (carryStart, decidedUpTo)
        var reported = reportedUpTo
        carry.withUnsafeBufferPointer { bytes in
            scanner.scan(bytes, letterCase: letterCase) { key, range in
                guard range.upperBound > decided, range.upperBound <= undecidedLimit,
                    start + range.lowerBound >= reported
                else { return }
                reported = start + range.upperBound
                onKey(key)
            }
        }
        reportedUpTo = reported
    }
}
