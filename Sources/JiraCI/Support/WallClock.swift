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

/// Proleptic Gregorian dates to and from days since 1970-01-01 (Howard Hinnant's algorithms), in 64-bit
/// arithmetic that cannot overflow for the years jira-ci accepts (1 to 9999).
enum CivilDate {
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func from(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Int64 {
    /// Division rounding towards negative infinity, as calendars need for dates before 1970.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
