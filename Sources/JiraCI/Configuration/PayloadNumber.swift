/// A whole number of 0 or more that goes into a payload as int64: build, deployment and sequence numbers.
public struct PayloadNumber: SettingValue, Equatable {
    public let value: Int64
    public init(_ value: Int64) { self.value = value }

    public static func parse(_ text: String) throws(ValueError) -> PayloadNumber {
        guard let number = Int64(text.trimmed), number >= 0 else {
            throw ValueError(expected: "a whole number from 0 to \(Int64.max)")
        }
        return PayloadNumber(number)
    }
}
