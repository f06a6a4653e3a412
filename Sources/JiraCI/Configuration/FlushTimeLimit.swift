/// `flush --give-up-after`.
public struct FlushTimeLimit: BoundedInterval {
    public static let range = 1.0...86_400.0
    public let seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
}
