import Testing

@testable import JiraCI

/// What Jira answers is shown bounded: a megabyte of message, or twenty thousand of them, stay readable and small.
struct AnswerTextTests {
    @Test func aLineShowsTenMessagesOfAtMost300CharactersAndCountsTheRest() {
        let huge = String(repeating: "é", count: 1 << 20)
        let line = AnswerText.line([huge] + (1...19_999).map { "message \($0)" })
        #expect(line.utf16.count < 300 + 9 * 20 + 40)
        #expect(line.hasSuffix("; and 19990 more"))
        #expect(AnswerText.line(["a", "b"]) == "a; b")
    }

    @Test func jsonKeepsItsStructureWithinBounds() {
        let errors = (0..<20_000).map {
            JSONValue.object(["message": .string("m\($0)" + String(repeating: "x", count: 5000))])
        }
        let rejection = ReportOutcome.Rejection(key: .object(["buildNumber": .integer(1)]), errors: errors)
        #expect(rejection.errors.count == AnswerText.listLimit)
        #expect(rejection.errorsNotListed == 19_900)
        #expect(rejection.summary.hasSuffix("; and 19990 more"))
        #expect(rejection.errors.first?["message"]?.stringValue.map { $0.utf16.count <= AnswerText.jsonLength } == true)
        var outcome = ReportOutcome()
        for index in 0..<250 { outcome.reject(.init(key: .integer(Int64(index)), errors: [])) }
        #expect(outcome.rejected.count == AnswerText.listLimit && outcome.rejectedNotListed == 150)
        #expect(outcome.rejectionSummary.hasSuffix("; and 240 more"))
        let merged = ReportOutcome.merged([outcome, outcome])
        #expect(merged.rejected.count == AnswerText.listLimit && merged.rejectedNotListed == 400)
    }
}
