/// The closest of `words` to `word` (case-insensitive): a word it begins, or one at most two edits away.
public enum Suggestion {
    public static func nearest(to word: String, in words: [String]) -> String? {
        let lowered = word.lowercased()
        guard lowered.count >= 2 else { return nil }
        if let prefixed = words.first(where: { $0.lowercased().hasPrefix(lowered) }) { return prefixed }
        let scored = words.map { ($0, editDistance(lowered, $0.lowercased())) }.filter {
            $0.1 <= 2 && $0.1 < lowered.count
        }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

// The bounded settings, each with the range that keeps it useful.
