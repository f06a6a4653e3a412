/// A point on the monotonic clock by which work must stop, or none. Hooks and `flush` give their whole run a
/// budget; every request and every wait between retries is cut to what is left of it.
public struct Deadline: Sendable, Equatable {
    public typealias Clock = @Sendable () -> ContinuousClock.Instant

    public let instant: ContinuousClock.Instant?
    /// The monotonic clock's now: `ContinuousClock` in a run; a test hands in one that moves only when it says so.
    let clock: Clock

    public static let none = Deadline(instant: nil, clock: { .now })

    public static func after(_ duration: Swift.Duration, clock: @escaping Clock = { .now }) -> Deadline {
        Deadline(instant: clock().advanced(by: duration), clock: clock)
    }

    /// Seconds left, or nil without a deadline; never negative.
    public var remainingSeconds: Double? {
        guard let instant else { return nil }
        let left = clock().duration(to: instant)
        return max(0, left.secondsValue)
    }

    public var hasPassed: Bool { remainingSeconds == 0 }

    /// The same deadline `seconds` sooner (a part of a budget kept for later work).
    public func earlier(by seconds: Double) -> Deadline {
        guard let instant, seconds.isFinite else { return self }
        return Deadline(instant: instant.advanced(by: .milliseconds(-Int64((seconds * 1000).rounded()))), clock: clock)
    }

    /// `seconds` cut to what is left.
    public func clamp(_ seconds: Double) -> Double {
        remainingSeconds.map { min(seconds, $0) } ?? seconds
    }

    public static func == (lhs: Deadline, rhs: Deadline) -> Bool {
        lhs.instant == rhs.instant
    }
}

extension Swift.Duration {
    public var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
