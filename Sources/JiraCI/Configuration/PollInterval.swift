/// `gate --poll`: under a second, a gate makes thousands of requests.
public struct PollInterval: BoundedInterval {
    public static let range = 1.0...3600.0
    public let seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
}
