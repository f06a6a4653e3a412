/// ISO 8601 times as rate-limited answers give them in `X-RateLimit-Reset`: Atlassian's `2026-03-01T12:35Z`, to
/// the minute, or with seconds, a fraction of a second, and `Z` or a `±hh:mm` offset (`2026-03-01T13:35:07.250+01:00`).
///
/// Read byte by byte with every field range-checked, like `HTTPDate`: no header (a ten-thousand-digit fraction, a
/// month 13, an offset of 99 hours) can overflow anything; what does not fit the grammar is simply not a time.
public enum ISO8601Time {
    /// Seconds since the epoch, or nil when `text` is not such a time of the years 1 to 9999.
    public static func parse(_ text: String) -> Double? {
        var reader = Reader(bytes: Array(text.trimmed.utf8))
        guard let year = reader.digits(4), year >= 1, reader.take("-"), let month = reader.digits(2),
            (1...12).contains(month),
            reader.take("-"), let day = reader.digits(2),
            (1...CivilDate.daysIn(month: month, year: year)).contains(day),
            reader.take("T"), let hour = reader.digits(2), hour < 24, reader.take(":"), let minute = reader.digits(2),
            minute < 60
        else { return nil }
        var second = 0.0
        if reader.take(":") {
            guard let whole = reader.digits(2), whole <= 60 else { return nil }
            second = Double(whole)
            if reader.take(".") {
                guard let fraction = reader.fraction() else { return nil }
                second += fraction
            }
        }
        var offset: Int64 = 0
        if !reader.take("Z") {
            let sign: Int64 = reader.take("+") ? 1 : reader.take("-") ? -1 : 0
            guard sign != 0, let hours = reader.digits(2), hours < 24, reader.take(":"), let minutes = reader.digits(2),
                minutes < 60
            else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard reader.atEnd else { return nil }
        let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 - offset) + second
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// Exactly `count` ASCII digits.
        mutating func digits(_ count: Int) -> Int64? {
            guard bytes.count - index >= count, bytes[index..<index + count].allSatisfy(ASCII.isDigit) else {
                return nil
            }
            defer { index += count }
            return bytes[index..<index + count].reduce(0) { $0 * 10 + Int64($1 - 0x30) }
        }

        /// One or more digits after the decimal point, as a fraction of a second; digits past the nanosecond add
        /// nothing a wait could use, so they are read over, not summed.
        mutating func fraction() -> Double? {
            let start = index
            while index < bytes.count, ASCII.isDigit(bytes[index]) { index += 1 }
            guard index > start else { return nil }
            return Double("0." + String(decoding: bytes[start..<min(index, start + 9)], as: UTF8.self))
        }
    }
}
