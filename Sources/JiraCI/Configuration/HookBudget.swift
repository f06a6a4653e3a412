/// `--hook-budget`: how long a hook may hold a push.
public struct HookBudget: BoundedInterval {
    public static let range = 0.1...60.0
    public let seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
}
