import Testing

@testable import JiraCI

/// The values flags and variables take: what is accepted, what is refused (never trapping), and the
/// suggestion a typo gets.
struct IntervalTests {
    @Test(
        arguments: [
            ("90", 90.0), ("90s", 90), (" 90S ", 90), ("0", 0), ("0.5", 0.5), ("500ms", 0.5), ("10m", 600),
            ("1h", 3600),
            ("1h30m", 5400), ("1H30M", 5400), ("1.5h", 5400), ("1m30s", 90), ("2h0m5s", 7205), ("250ms", 0.25),
            ("999999999999", 999_999_999_999), ("999999999999h", 999_999_999_999 * 3600.0),
        ] as [(String, Double)])
    func durationsAreSeconds(text: String, seconds: Double) {
        #expect(Interval.seconds(text) == seconds)
    }

    @Test(arguments: [
        "", " ", "-1", "+1", "-1s", "1e400", "1e3", "10m5", "1h30", "abc", "s", "ms", "h1", "1x", "1 s", "1.2.3s", ".",
        "1000000000000", "1234567890123s", "0.000000000001h", "nan", "inf", "1d", "١٢", "１０s", "10m-5s",
    ])
    func everythingElseIsRefused(text: String) {
        #expect(Interval.seconds(text) == nil)
    }

    /// `10m5` is refused because a number after a unit needs a unit of its own; a zero before the unit does
    /// not change that.
    @Test(arguments: ["0m5", "0h30", "0s5", "0ms7"])
    func aTrailingBareNumberIsRefusedAfterAZeroPartToo(text: String) {
        #expect(Interval.seconds(text) == nil)
    }

    @Test func randomTextNeverTrapsAndNeverGivesANegativeOrInfiniteDuration() {
        var random = SplitMix64(seed: 0x1A7E)
        let pieces = ["1", "0", "9", "999999999999", ".", "5", "h", "m", "s", "ms", "-", " ", "e", "é"]
        for round in 0..<5000 {
            let text =
                round % 2 == 0
                ? (0..<Int.random(in: 1...6, using: &random)).map { _ in random.pick(pieces) }.joined()
                : random.ascii(Int.random(in: 0...14, using: &random))
            if let seconds = Interval.seconds(text) {
                #expect(seconds.isFinite && seconds >= 0, "\(text)")
            }
        }
    }

    @Test(arguments: [
        (0.1, "100 ms"), (0.5, "500 ms"), (1, "1 s"), (90, "90 s"), (1.5, "1.5 s"), (60, "1 min"), (3600, "1 h"),
        (86_400, "24 h"), (5400, "90 min"),
    ])
    func durationsAreShownInTheirUnit(seconds: Double, text: String) {
        #expect(Interval.format(seconds) == text)
    }
}
