/// `--max-commits`.
public struct CommitLimit: BoundedCount {
    public static let range: ClosedRange<Int64> = 1...Int64(Int32.max)
    public let value: Int
    public init(value: Int) { self.value = value }
}
