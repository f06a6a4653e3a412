/// A point on the monotonic clock by which work must stop, or none. Hooks and `flush` give their whole run a
/// budget; every request and every wait between retries is cut to what is left of it.
public struct Deadline: Sendable, Equatable {
    public let instant: ContinuousClock.Instant?

    public static let none = Deadline(instant: nil)

    public static func after(_ duration: Swift.Duration) -> Deadline {
        Deadline(instant: ContinuousClock.now.advanced(by: duration))
    }

    /// Seconds left, or nil without a deadline; never negative.
    public var remainingSeconds: Double? {
        guard let instant else { return nil }
        let left = ContinuousClock.now.duration(to: instant)
        return max(0, left.secondsValue)
    }

    public var hasPassed: Bool { remainingSeconds == 0 }

    /// The same deadline `seconds` sooner (a part of a budget kept for later work).
    public func earlier(by seconds: Double) -> Deadline {
        guard let instant, seconds.isFinite else { return self }
        return Deadline(instant: instant.advanced(by: .milliseconds(-Int64((seconds * 1000).rounded()))))
    }

    /// `seconds` cut to what is left.
    public func clamp(_ seconds: Double) -> Double {
        remainingSeconds.map { min(seconds, $0) } ?? seconds
    }
}

extension Swift.Duration {
    public var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
