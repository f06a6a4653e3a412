/// A duration in a range: `90`, `90s`, `500ms`, `10m`, `1h30m` (a bare number is seconds).
public protocol BoundedInterval: SettingValue {
    static var range: ClosedRange<Double> { get }
    var seconds: Double { get }
    init(seconds: Double)
}

extension BoundedInterval {
    public static func parse(_ text: String) throws(ValueError) -> Self {
        let examples = [("500ms", 0.5), ("3s", 3.0), ("90s", 90.0), ("10m", 600.0), ("1h", 3600.0)].filter {
            range.contains($0.1)
        }.map(\.0)
        let expected =
            "a duration from \(Interval.format(range.lowerBound)) to \(Interval.format(range.upperBound)), like "
            + examples.joined(separator: ", ")
        guard let seconds = Interval.seconds(text), range.contains(seconds) else {
            throw ValueError(expected: expected)
        }
        return Self(seconds: seconds)
    }
}
