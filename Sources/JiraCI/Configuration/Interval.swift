/// Durations as CI configuration writes them.
public enum Interval {
    static let units: [(String, Double)] = [("ms", 0.001), ("h", 3600), ("m", 60), ("s", 1)]

    /// Seconds, or nil when `text` is not a duration. Every part is range-checked, so no text can overflow.
    public static func seconds(_ text: String) -> Double? {
        var rest = Substring(text.trimmed.lowercased())
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        var first = true
        while !rest.isEmpty {
            let number = rest.prefix { ("0"..."9").contains($0) || $0 == "." }
            guard !number.isEmpty, number.count <= 12, number.filter({ $0 == "." }).count <= 1,
                let value = Double(number)
            else {
                return nil
            }
            rest = rest.dropFirst(number.count)
            if rest.isEmpty, first { return value }  // a bare number is seconds
            first = false
            guard let (unit, factor) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * factor
        }
        return total.isFinite ? total : nil
    }

    /// `1 s`, `500 ms`, `10 min`, `1 h`: for messages.
    public static func format(_ seconds: Double) -> String {
        if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600)) h" }
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60)) min" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
