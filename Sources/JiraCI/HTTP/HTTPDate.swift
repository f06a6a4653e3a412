/// RFC 9110 IMF-fixdate, the form servers use in `Retry-After` and `Date`: `Sun, 06 Nov 1994 08:49:37 GMT`.
///
/// Parsed digit by digit with every field range-checked, so no header (an 11-digit year, a negative day) can
/// overflow anything; what does not fit the grammar is simply not a date.
public enum HTTPDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday

    /// Seconds since the epoch, or nil when `text` is not an IMF-fixdate of the years 1 to 9999.
    public static func parse(_ text: String) -> Double? {
        let parts = text.trimmed.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), parts[5] == "GMT",
            weekdays.contains(String(parts[0].dropLast())),
            let day = digits(parts[1], count: 2), let month = months.firstIndex(of: String(parts[2])),
            let year = digits(parts[3], count: 4), year >= 1
        else { return nil }
        let clock = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, let hour = digits(clock[0], count: 2), let minute = digits(clock[1], count: 2),
            let second = digits(clock[2], count: 2), hour < 24, minute < 60, second <= 60,
            (1...CivilDate.daysIn(month: Int64(month + 1), year: year)).contains(day)
        else { return nil }
        let days = CivilDate.daysSinceEpoch(year: year, month: Int64(month + 1), day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second)
    }

    /// The IMF-fixdate of whole seconds since the epoch (years 1 to 9999).
    public static func format(_ seconds: Int64) -> String {
        let days = seconds.floorDivided(by: 86_400)
        let time = seconds - days * 86_400
        let (year, month, day) = CivilDate.from(daysSinceEpoch: days)
        let weekday = weekdays[Int((days % 7 + 7) % 7)]
        return "\(weekday), \(WallClock.pad(day, 2)) \(months[Int(month) - 1]) \(WallClock.pad(year, 4)) "
            + "\(WallClock.pad(time / 3600, 2)):\(WallClock.pad(time / 60 % 60, 2)):\(WallClock.pad(time % 60, 2)) GMT"
    }

    /// Exactly `count` ASCII digits.
    private static func digits(_ text: Substring, count: Int) -> Int64? {
        guard text.utf8.count == count, text.utf8.allSatisfy(ASCII.isDigit) else { return nil }
        return text.utf8.reduce(0) { $0 * 10 + Int64($1 - 0x30) }
    }
}
