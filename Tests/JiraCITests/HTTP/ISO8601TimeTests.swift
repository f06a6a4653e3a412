import Testing

@testable import JiraCI

/// `X-RateLimit-Reset` times: Atlassian's minute form and full ISO 8601 times are read, anything else is not a
/// time, and no text (however long or odd) traps.
struct ISO8601TimeTests {
    /// 1994-11-06T08:49:37Z, the instant of RFC 9110's example date.
    static let example = 784_111_777.0
    static let firstSecond: Int64 = -62_135_596_800  // 0001-01-01T00:00:00Z
    static let lastSecond: Int64 = 253_402_300_799  // 9999-12-31T23:59:59Z

    static let readable: [(String, Double)] = [
        // Atlassian's documented form, to the minute.
        ("1994-11-06T08:49Z", example - 37),
        ("1994-11-06T08:50Z", example + 23),
        // Seconds, fractions, offsets.
        ("1994-11-06T08:49:37Z", example),
        ("1994-11-06T08:49:37.250Z", example + 0.25),
        ("1994-11-06T08:49:37.5+00:00", example + 0.5),
        ("1994-11-06T09:49:37+01:00", example),
        ("1994-11-06T03:19:37-05:30", example),
        ("1994-11-06T08:49:37-00:00", example),
        ("1994-11-07T00:49+16:00", example - 37),
        ("1994-11-06T08:49+00:00", example - 37),
        // Digits past the nanosecond are read over.
        ("1994-11-06T08:49:37." + String(repeating: "9", count: 5000) + "Z", example + 0.999999999),
        // Surrounding spaces, as a header may carry them.
        ("  1994-11-06T08:49:37Z ", example),
        // A leap second, as HTTP dates allow it.
        ("1998-12-31T23:59:60Z", 915_148_800.0),
        ("2024-02-29T00:00Z", 1_709_164_800.0),
        ("1970-01-01T00:00Z", 0.0),
        ("0001-01-01T00:00:00Z", Double(firstSecond)),
        ("9999-12-31T23:59:59Z", Double(lastSecond)),
    ]

    @Test(arguments: readable)
    func readsTheMinuteFormAndFullTimes(text: String, seconds: Double) {
        #expect(ISO8601Time.parse(text) == seconds)
    }

    @Test func agreesWithHTTPDate() {
        #expect(ISO8601Time.parse("1994-11-06T08:49:37Z") == HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"))
    }

    @Test(arguments: [
        "", "Z", "T", "1994", "1994-11-06", "1994-11-06T", "1994-11-06T08Z", "1994-11-06T08:49",
        "1994-11-06T08:49:37", "1994-11-06 08:49Z", "1994-11-06t08:49z", "1994-11-06T08:49z", "19941106T0849Z",
        "1994-11-06T08:49:37.Z", "1994-11-06T08:49:37,5Z", "1994-11-06T08:49:3Z", "1994-11-06T8:49Z",
        "1994-1-06T08:49Z",
        "94-11-06T08:49Z", "+1994-11-06T08:49Z", "-1994-11-06T08:49Z", "01994-11-06T08:49Z", "0000-01-01T00:00Z",
        "1994-00-06T08:49Z", "1994-13-06T08:49Z", "1994-11-00T08:49Z", "1994-11-31T08:49Z", "2023-02-29T00:00Z",
        "1900-02-29T00:00Z", "1994-11-06T24:00Z", "1994-11-06T08:60Z", "1994-11-06T08:49:61Z", "1994-11-06T08:49+24:00",
        "1994-11-06T08:49+01:60", "1994-11-06T08:49+0100", "1994-11-06T08:49+01", "1994-11-06T08:49 +01:00",
        "1994-11-06T08:49ZZ", "1994-11-06T08:49Z extra", "1994-11-06T08:49:37.25.5Z", "1994-11-06T08:49GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT", "784111777", "1711843260", "-1", "nan", "inf",
        "1994-11-0٦T08:49Z",  // an Arabic-Indic digit
        "１９９４-11-06T08:49Z",  // full-width digits
        "99999999999-11-06T08:49Z", "1994-99999999999-06T08:49Z", "1994-11-06T08:49:37+99999999999:00",
    ])
    func refusesEverythingElse(text: String) {
        #expect(ISO8601Time.parse(text) == nil)
    }

    @Test func everyRFC3339TimeWallClockWritesReadsBack() {
        var random = SplitMix64(seed: 0x1508_601)
        for _ in 0..<3000 {
            let milliseconds = Int64.random(in: Self.firstSecond * 1000...Self.lastSecond * 1000, using: &random)
            let text = WallClock.rfc3339(microseconds: milliseconds * 1000)
            #expect(ISO8601Time.parse(text) == Double(milliseconds) / 1000, "\(text)")
        }
    }

    @Test func randomTextNeverTrapsAndWhatParsesIsARealTime() {
        var random = SplitMix64(seed: 0x7E5E7)
        let pieces = [
            "1994", "0001", "9999", "99999999999", "-", "11", "02", "29", "31", "T", "08", "23", "24", ":", "49",
            "60", ".", "5", "Z", "+", "01:00", "23:59", " ", "é", "٦", "\u{0}",
        ]
        // A day either way of the years 1 to 9999: the widest offsets move a time that far.
        let earliest = Double(Self.firstSecond - 86_400)
        let latest = Double(Self.lastSecond + 86_400)
        for round in 0..<4000 {
            let text: String
            switch round % 3 {
            case 0: text = random.ascii(Int.random(in: 0...40, using: &random))
            case 1: text = random.unicode(Int.random(in: 0...40, using: &random))
            default: text = (0..<Int.random(in: 1...12, using: &random)).map { _ in random.pick(pieces) }.joined()
            }
            if let seconds = ISO8601Time.parse(text) {
                #expect(seconds.isFinite && seconds >= earliest && seconds <= latest, "\(text)")
            }
        }
    }

    @Test func mutationsOfAValidTimeNeverTrapAndStayInRange() {
        var random = SplitMix64(seed: 0x8601)
        let valid = [Array("2026-03-01T12:35Z".utf8), Array("1994-11-06T09:49:37.125+01:00".utf8)]
        let earliest = Double(Self.firstSecond - 86_400)
        let latest = Double(Self.lastSecond + 86_400)
        for _ in 0..<4000 {
            var bytes = random.pick(valid)
            for _ in 0..<Int.random(in: 1...4, using: &random) { bytes = random.mutated(bytes) }
            let text = String(decoding: bytes, as: UTF8.self)
            if let seconds = ISO8601Time.parse(text) {
                #expect(seconds.isFinite && seconds >= earliest && seconds <= latest, "\(text)")
            }
        }
    }
}
