/// `--timeout`: per request.
public struct RequestTimeout: BoundedInterval {
    public static let range = 1.0...3600.0
    public let seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
}
