import Testing

@testable import JiraCI

/// RFC 3339 timestamps in payloads (`lastUpdated`, `authorTimestamp`).
struct WallClockTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_795_000_000_123_456, "2026-11-18T11:06:40.123Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (-1_000, "1969-12-31T23:59:59.999Z"),
        (-1_001, "1969-12-31T23:59:59.998Z"),
        (951_782_400_000_000, "2000-02-29T00:00:00.000Z"),
        (-62_135_596_800_000_000, "0001-01-01T00:00:00.000Z"),
        (253_402_300_799_999_999, "9999-12-31T23:59:59.999Z"),
    ])
    func formatsUTCWithMilliseconds(microseconds: Int64, text: String) {
        #expect(WallClock.rfc3339(microseconds: microseconds) == text)
    }

    /// The parts of an RFC 3339 text as numbers, the year possibly negative or longer than four digits.
    static func fields(_ text: String) -> (
        year: Int64, month: Int64, day: Int64, hour: Int, minute: Int, second: Int, millis: Int
    )? {
        guard text.hasSuffix("Z"), let t = text.lastIndex(of: "T") else { return nil }
        let date = text[..<t]
        let negative = date.hasPrefix("-")
        let parts = (negative ? date.dropFirst() : date).split(separator: "-")
        let time = text[text.index(after: t)...].dropLast().split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 3, time.count == 4, let year = Int64(parts[0]), let month = Int64(parts[1]),
            let day = Int64(parts[2]),
            let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]), let millis = Int(time[3]),
            parts[1].count == 2, parts[2].count == 2, time[0].count == 2, time[1].count == 2, time[2].count == 2,
            time[3].count == 3
        else { return nil }
        return (negative ? -year : year, month, day, hour, minute, second, millis)
    }

    @Test func agreesWithTheCivilCalendarAcrossCenturies() throws {
        var random = SplitMix64(seed: 0x3339)
        for _ in 0..<3000 {
            // Years 1 to 9999, the years jira-ci accepts.
            let microseconds = Int64.random(in: -62_135_596_800_000_000...253_402_300_799_999_999, using: &random)
            let text = WallClock.rfc3339(microseconds: microseconds)
            let parsed = try #require(Self.fields(text), "\(microseconds) → \(text)")
            let seconds = microseconds.floorDivided(by: 1_000_000)
            let days = seconds.floorDivided(by: 86_400)
            let civil = CivilDate.from(daysSinceEpoch: days)
            #expect(parsed.year == civil.year && parsed.month == civil.month && parsed.day == civil.day, "\(text)")
            #expect(
                CivilDate.daysSinceEpoch(year: parsed.year, month: parsed.month, day: parsed.day) == days, "\(text)")
            let secondOfDay = Int(seconds - days * 86_400)
            #expect(parsed.hour * 3600 + parsed.minute * 60 + parsed.second == secondOfDay, "\(text)")
            #expect(Int64(parsed.millis) == (microseconds - seconds * 1_000_000) / 1_000, "\(text)")
            #expect(
                (1...12).contains(parsed.month)
                    && (1...CivilDate.daysIn(month: parsed.month, year: parsed.year)).contains(parsed.day))
        }
    }

    @Test func civilDatesRoundTripDayByDay() {
        // Every day around both leap-century rules (1600, 1700, 1900, 2000, 2100, 2400) and the epoch, in order.
        for (first, last) in [(1599, 1701), (1899, 2101), (2399, 2401), (1, 2), (9998, 9999)] as [(Int64, Int64)] {
            Self.checkDayByDay(from: first, through: last)
        }
    }

    static func checkDayByDay(from first: Int64, through last: Int64) {
        var previous: (year: Int64, month: Int64, day: Int64)?
        for days in CivilDate.daysSinceEpoch(
            year: first, month: 1, day: 1)...CivilDate.daysSinceEpoch(year: last, month: 12, day: 31)
        {
            let date = CivilDate.from(daysSinceEpoch: days)
            #expect(CivilDate.daysSinceEpoch(year: date.year, month: date.month, day: date.day) == days)
            if let previous {
                let nextDay = previous.day < CivilDate.daysIn(month: previous.month, year: previous.year)
                let expected =
                    nextDay
                    ? (previous.year, previous.month, previous.day + 1)
                    : previous.month < 12 ? (previous.year, previous.month + 1, 1) : (previous.year + 1, 1, 1)
                if date != expected {
                    Issue.record("day \(days): \(date) does not follow \(previous)")
                    return
                }
            }
            previous = date
        }
    }

    @Test func neverTrapsAcrossTheWholeInt64Range() {
        // A corrupt cache entry or a forged commit date can hold any 64-bit value.
        var random = SplitMix64(seed: 0x1164)
        var samples = (0..<2000).map { _ in Int64.random(in: .min ... .max, using: &random) }
        samples += [.max, .max - 1, .min + 1_000_000, 0, -999_999, 999_999]
        for microseconds in samples {
            #expect(!WallClock.rfc3339(microseconds: microseconds).isEmpty)
        }
    }

    /// Values within a second of `Int64.min` (reachable: `DevInfoPlanner` passes a commit's author time times a
    /// million with wrapping overflow) must format too, not trap.
    @Test func theSmallestInt64DoesNotTrap() async {
        await #expect(processExitsWith: .success) {
            _ = WallClock.rfc3339(microseconds: Int64.min)
            _ = WallClock.rfc3339(microseconds: Int64.min + 64)
        }
    }
}
