import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `updateSequenceNumber`s: Jira keeps an update only when its number is strictly greater than the stored one,
/// so an in_progress and a successful sent within one second must still differ. Microseconds since the epoch
/// do that across processes started back to back; within a process each call is at least one more than the last.
public final class UpdateSequence: Sendable {
    private let last = Mutex<Int64>(0)

    public init() {}

    public func next() -> Int64 {
        last.withLock { last in
            last = max(Clock.microsecondsSinceEpoch(), last + 1)
            return last
        }
    }
}

/// Wall-clock time in the forms the API wants.
public enum Clock {
    public static func microsecondsSinceEpoch() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1_000
    }

    /// RFC 3339 in UTC with milliseconds, e.g. `2026-11-22T19:30:44.123Z`.
    public static func rfc3339(microseconds: Int64) -> String {
        var seconds = time_t(microseconds / 1_000_000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = Int((microseconds % 1_000_000) / 1_000)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))"
            + "T\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))"
            + ".\(pad(millis, 3))Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

