import Testing

@testable import JiraCI

struct TestInfoTests {
    @Test(arguments: [
        ("120,118,2", Build.TestInfo(totalNumber: 120, numberPassed: 118, numberFailed: 2, numberSkipped: nil)),
        (" 10 , 7 , 1 , 2 ", .init(totalNumber: 10, numberPassed: 7, numberFailed: 1, numberSkipped: 2)),
        ("0,0,0", .init(totalNumber: 0, numberPassed: 0, numberFailed: 0, numberSkipped: nil)),
        ("10,1,1", .init(totalNumber: 10, numberPassed: 1, numberFailed: 1, numberSkipped: nil)),
        (
            "9223372036854775807,9223372036854775807,0",
            .init(totalNumber: .max, numberPassed: .max, numberFailed: 0, numberSkipped: nil)
        ),
    ])
    func parses(text: String, info: Build.TestInfo) throws {
        #expect(try Build.TestInfo.parse(text) == info)
    }

    @Test(arguments: [
        "", "1", "1,1", "1,1,1,1,1", "3,1,1,x", "-1,0,0", "3,-1,1", "1,,1", "3,2,2", "3,1,1,2", "1.0,1,0",
        "99999999999999999999,1,1",
        // The sums overflow: refused, not trapped.
        "9223372036854775807,9223372036854775807,1",
        "9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807",
    ])
    func refusesWhatDoesNotAddUp(text: String) {
        #expect(throws: ValueError.self) { try Build.TestInfo.parse(text) }
    }

    @Test func addingSumsEveryCountAndRefusesOverflow() {
        let a = Build.TestInfo(totalNumber: 10, numberPassed: 7, numberFailed: 1, numberSkipped: 2)
        let b = Build.TestInfo(totalNumber: 5, numberPassed: 5, numberFailed: 0, numberSkipped: nil)
        #expect(a.adding(b) == .init(totalNumber: 15, numberPassed: 12, numberFailed: 1, numberSkipped: 2))
        let huge = Build.TestInfo(totalNumber: .max, numberPassed: .max, numberFailed: 0, numberSkipped: nil)
        #expect(huge.adding(b) == nil)
        #expect(b.adding(huge) == nil)
        let manySkipped = Build.TestInfo(totalNumber: .max, numberPassed: 0, numberFailed: 0, numberSkipped: .max)
        #expect(
            Build.TestInfo(totalNumber: 0, numberPassed: 0, numberFailed: 0, numberSkipped: 1).adding(manySkipped)
                == nil)
    }

    @Test func randomFiguresParseOnlyWhenTheyAddUpAndNeverTrap() {
        var random = SplitMix64(seed: 0x7E57)
        let numbers = [
            "0", "1", "2", "100", "-1", "9223372036854775807", "9223372036854775806", "9223372036854775808", "x", "",
        ]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...5, using: &random)).map { _ in random.pick(numbers) }.joined(
                separator: ",")
            if let info = try? Build.TestInfo.parse(text) {
                let counted = info.counted
                #expect(counted != nil && counted! <= info.totalNumber, "\(text)")
                #expect(info.numberPassed >= 0 && info.numberFailed >= 0 && (info.numberSkipped ?? 0) >= 0)
            }
        }
    }
}
