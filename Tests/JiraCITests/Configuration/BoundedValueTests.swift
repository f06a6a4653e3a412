import Testing

@testable import JiraCI

struct BoundedValueTests {
    static func accepts<T: SettingValue>(_ type: T.Type, _ text: String) -> Bool {
        (try? T.parse(text)) != nil
    }

    @Test func retryCountIsZeroToTen() throws {
        #expect(try RetryCount.parse("0").value == 0)
        #expect(try RetryCount.parse(" 10 ").value == 10)
        for refused in ["-1", "11", "", "3.0", "three", "99999999999999999999", "+"] {
            #expect(!Self.accepts(RetryCount.self, refused), "\(refused)")
        }
        #expect(throws: ValueError(expected: "a whole number from 0 to 10")) { try RetryCount.parse("11") }
    }

    @Test func commitLimitIsPositiveAndFitsInt32() throws {
        #expect(try CommitLimit.parse("1").value == 1)
        #expect(try CommitLimit.parse("2147483647").value == Int(Int32.max))
        #expect(!Self.accepts(CommitLimit.self, "0"))
        #expect(!Self.accepts(CommitLimit.self, "2147483648"))
        #expect(!Self.accepts(CommitLimit.self, "9223372036854775808"))
    }

    @Test(arguments: [
        // (type, accepted, refused)
        ("timeout", ["1", "1s", "1000ms", "1h", "3600"], ["0", "999ms", "3601", "1h1s", "-1"]),
        ("poll", ["1", "1s", "60", "1h"], ["0", "500ms", "999ms", "3601"]),
        ("hook budget", ["100ms", "0.1", "5", "60s", "1m"], ["99ms", "0", "60.5", "61", "1h"]),
        ("gate wait", ["0", "0s", "10m", "24h", "86400"], ["24h1s", "86401", "-1"]),
        ("flush", ["1", "1s", "24h"], ["999ms", "0", "24h1s"]),
    ])
    func intervalRangesIncludeTheirEdges(name: String, accepted: [String], refused: [String]) {
        func parses(_ text: String) -> Bool {
            switch name {
            case "timeout": Self.accepts(RequestTimeout.self, text)
            case "poll": Self.accepts(PollInterval.self, text)
            case "hook budget": Self.accepts(HookBudget.self, text)
            case "gate wait": Self.accepts(GateWait.self, text)
            default: Self.accepts(FlushTimeLimit.self, text)
            }
        }
        for text in accepted { #expect(parses(text), "\(name) should take \(text)") }
        for text in refused { #expect(!parses(text), "\(name) should refuse \(text)") }
    }

    /// The examples are values the setting accepts: `--poll 500ms` is not told to try 500ms.
    @Test func theRefusalNamesTheRange() {
        #expect(throws: ValueError(expected: "a duration from 1 s to 1 h, like 3s, 90s, 10m, 1h")) {
            try PollInterval.parse("500ms")
        }
        #expect(throws: ValueError(expected: "a duration from 100 ms to 1 min, like 500ms, 3s")) {
            try HookBudget.parse("2m")
        }
    }

    @Test func payloadNumbersAreNonNegativeInt64() throws {
        #expect(try PayloadNumber.parse("0").value == 0)
        #expect(try PayloadNumber.parse("9223372036854775807").value == .max)
        for refused in ["-1", "9223372036854775808", "1.0", "", "x"] {
            #expect(!Self.accepts(PayloadNumber.self, refused), "\(refused)")
        }
    }
}
