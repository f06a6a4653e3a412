import Testing

@testable import JiraCI

/// `Retry-After` and `Date` headers: IMF-fixdate only, and nothing a server sends can trap.
struct HTTPDateTests {
    /// Seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    static let firstSecond: Int64 = -62_135_596_800
    static let lastSecond: Int64 = 253_402_300_799

    @Test(arguments: [
        ("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777.0),
        ("  Sun, 06 Nov 1994 08:49:37 GMT \t", 784_111_777),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
        ("Wed, 31 Dec 1969 23:59:59 GMT", -1),
        ("Mon, 01 Jan 0001 00:00:00 GMT", -62_135_596_800),
        ("Fri, 31 Dec 9999 23:59:59 GMT", 253_402_300_799),
        ("Tue, 29 Feb 2000 12:00:00 GMT", 951_825_600),
        ("Thu, 29 Feb 2024 00:00:00 GMT", 1_709_164_800),
        // A leap second is a valid time of day.
        ("Wed, 31 Dec 2016 23:59:60 GMT", 1_483_228_800),
    ])
    func parsesIMFFixdate(text: String, seconds: Double) {
        #expect(HTTPDate.parse(text) == seconds)
    }

    @Test(arguments: [
        "",
        " ",
        "GMT",
        "garbage",
        "7",
        "Fri, 31 Dec 99999999999 23:59:59 GMT",
        "Fri, 31 Dec -001 23:59:59 GMT",
        "Fri, 31 Dec -0001 23:59:59 GMT",
        "Mon, 01 Jan 0000 00:00:00 GMT",
        "Fri, 31 Dec 10000 23:59:59 GMT",
        "Fri, 31 Dec 999 23:59:59 GMT",
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 06 Nov 1994 08:49:37",
        "Sun, 06 Nov 1994 08:49:37 GMT extra",
        "Sun, 06 Nov 1994  08:49:37 GMT",
        "Sun 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",  // RFC 850
        "Sun Nov  6 08:49:37 1994",  // asctime
        "Xyz, 06 Nov 1994 08:49:37 GMT",
        "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun, 006 Nov 1994 08:49:37 GMT",
        "Sun, 06 nov 1994 08:49:37 GMT",
        "Sun, 06 November 1994 08:49:37 GMT",
        "Sun, 00 Nov 1994 08:49:37 GMT",
        "Sun, 31 Nov 1994 08:49:37 GMT",
        "Fri, 30 Feb 2024 00:00:00 GMT",
        "Thu, 29 Feb 2023 00:00:00 GMT",
        "Mon, 29 Feb 1900 00:00:00 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:60:00 GMT",
        "Sun, 06 Nov 1994 08:49:61 GMT",
        "Sun, 06 Nov 1994 8:49:37 GMT",
        "Sun, 06 Nov 1994 08:49 GMT",
        "Sun, 06 Nov 1994 08:49:37:00 GMT",
        "Sun, 99999999999 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 99999999999:49:37 GMT",
        "Sun, 06 Nov 1994 08:99999999999:37 GMT",
        "Sun, -6 Nov 1994 08:49:37 GMT",
        "Sun, +6 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov +994 08:49:37 GMT",
        "Sun, 0٦ Nov 1994 08:49:37 GMT",  // an Arabic-Indic digit
        "Sun, 06 Nov １９９４ 08:49:37 GMT",  // full-width digits
    ])
    func refusesEverythingElse(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(-1) == "Wed, 31 Dec 1969 23:59:59 GMT")
        #expect(HTTPDate.format(Self.firstSecond) == "Mon, 01 Jan 0001 00:00:00 GMT")
        #expect(HTTPDate.format(Self.lastSecond) == "Fri, 31 Dec 9999 23:59:59 GMT")
    }

    @Test func formatThenParseIsTheIdentityForEveryYear() {
        var random = SplitMix64(seed: 0x4854_5450)
        var samples = (0..<3000).map { _ in Int64.random(in: Self.firstSecond...Self.lastSecond, using: &random) }
        // The edges of days, months, leap years and eras.
        samples += [Self.firstSecond, Self.lastSecond, 0, -1, 86_399, 86_400, 951_782_399, 951_782_400, -2_208_988_801]
        for seconds in samples {
            let text = HTTPDate.format(seconds)
            #expect(HTTPDate.parse(text) == Double(seconds), "\(seconds) → \(text)")
        }
    }

    @Test func theWeekdayIsTheCalendarsWeekday() {
        // 2024-01-01 was a Monday; every 7 days later is one too.
        for week in -5000...5000 {
            let seconds = 1_704_067_200 + Int64(week) * 7 * 86_400
            #expect(HTTPDate.format(seconds).hasPrefix("Mon, "), "\(seconds)")
        }
    }

    @Test func randomTextNeverTrapsAndWhatParsesIsARealDate() {
        var random = SplitMix64(seed: 0xDA7E)
        let pieces = [
            "Sun,", "Mon,", " ", "06", "31", "29", "Feb", "Nov", "1994", "0000", "9999", "99999999999", "-1",
            "08:49:37", "23:59:60", "24:00:00", ":", "GMT", "é", "٦", "\u{0}", "\u{301}", ",",
        ]
        for round in 0..<4000 {
            let text: String
            switch round % 3 {
            case 0: text = random.ascii(Int.random(in: 0...40, using: &random))
            case 1: text = random.unicode(Int.random(in: 0...40, using: &random))
            default: text = (0..<Int.random(in: 1...8, using: &random)).map { _ in random.pick(pieces) }.joined()
            }
            if let seconds = HTTPDate.parse(text) {
                #expect(
                    seconds == seconds.rounded() && seconds >= Double(Self.firstSecond)
                        && seconds <= Double(Self.lastSecond) + 1)
            }
        }
    }

    @Test func mutationsOfAValidDateNeverTrapAndParseConsistently() {
        var random = SplitMix64(seed: 0x1994)
        let valid = Array("Sun, 06 Nov 1994 08:49:37 GMT".utf8)
        for _ in 0..<4000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &random) { bytes = random.mutated(bytes) }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let seconds = HTTPDate.parse(text) else { continue }
            // Whatever still parses names a real second, which formats to a date that parses to it again.
            #expect(seconds >= Double(Self.firstSecond) && seconds <= Double(Self.lastSecond) + 1, "\(text)")
            #expect(HTTPDate.parse(HTTPDate.format(Int64(seconds))) == seconds, "\(text)")
        }
    }
}
