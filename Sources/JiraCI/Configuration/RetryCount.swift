/// `--retries`.
public struct RetryCount: BoundedCount {
    public static let range: ClosedRange<Int64> = 0...Int64(RetryPolicy.maximumRetries)
    public let value: Int
    public init(value: Int) { self.value = value }
}
