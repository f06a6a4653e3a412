/// `gate --wait`.
public struct GateWait: BoundedInterval {
    public static let range = 0.0...86_400.0
    public let seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
}
