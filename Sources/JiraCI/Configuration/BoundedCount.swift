/// A whole number in a range: counts whose extremes would hurt (a hundred retries, zero commits).
public protocol BoundedCount: SettingValue {
    static var range: ClosedRange<Int64> { get }
    var value: Int { get }
    init(value: Int)
}

extension BoundedCount {
    public static func parse(_ text: String) throws(ValueError) -> Self {
        let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard let number = Int64(text.trimmed), range.contains(number) else { throw ValueError(expected: expected) }
        return Self(value: Int(number))
    }
}
