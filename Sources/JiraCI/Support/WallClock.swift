#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Calendar time in the forms the APIs want. Deadlines use `ContinuousClock` instead: the wall clock can jump.
public enum WallClock {
    public static func microsecondsSinceEpoch() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1_000
    }

    public static func secondsSinceEpoch() -> Double {
        Double(microsecondsSinceEpoch()) / 1_000_000
    }

    /// The years 1 to 9999, in microseconds since the epoch: every time jira-ci shows or sends is kept inside.
    static let representable: ClosedRange<Int64> = -62_135_596_800_000_000...253_402_300_799_999_999

    /// RFC 3339 in UTC with milliseconds, e.g. `2026-11-22T19:30:44.123Z`. Computed from the civil calendar
    /// directly, so no value (a corrupt cache entry, a commit dated in the year 300,000) can overflow a C `tm`
    /// or an integer: times outside the years 1 to 9999 are shown as the nearest end of that range.
    public static func rfc3339(microseconds raw: Int64) -> String {
        let microseconds = min(max(raw, representable.lowerBound), representable.upperBound)
        let seconds = microseconds.floorDivided(by: 1_000_000)
        let millis = Int((microseconds - seconds * 1_000_000) / 1_000)
        let (year, month, day) = CivilDate.from(daysSinceEpoch: seconds.floorDivided(by: 86_400))
        let time = Int(seconds - seconds.floorDivided(by: 86_400) * 86_400)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
            + "T\(pad(time / 3600, 2)):\(pad(time / 60 % 60, 2)):\(pad(time % 60, 2)).\(pad(millis, 3))Z"
    }

    /// Whole seconds since the epoch (a commit's time), any value.
    public static func rfc3339(seconds: Int64) -> String {
        let (microseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
        return rfc3339(microseconds: overflow ? (seconds < 0 ? .min : .max) : microseconds)
    }

    static func pad(_ value: Int64, _ width: Int) -> String { pad(Int(value), width) }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Int64 {
    /// Division rounding towards negative infinity, as calendars need for dates before 1970.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
