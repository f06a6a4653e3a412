import Testing

@testable import JiraCI

struct ServerResultTests {
    struct Failure: Error {}

    @Test func linkedIssuesAcceptMissingOnesAreReported() {
        let report = Sample.buildReport()
        let result = ServerDelivery.result(
            for: report,
            items: [
                ("ABC-1", .linked(updated: false)), ("ABC-2", .missing),
                ("ABC-3", .refused("no permission")),
            ])
        #expect(result.kindName == "accepted")
        #expect(result.outcome?.unknownIssueKeys == ["ABC-2"])
        #expect(result.outcome?.accepted == [.object(["issueKey": .string("ABC-1"), "link": .string("created")])])
        #expect(result.outcome?.rejectionSummary == "no permission")
        #expect(ServerDelivery.result(for: report, items: []).kindName == "rejected")
        #expect(ServerDelivery.result(for: report, items: [("ABC-1", .missing)]).kindName == "rejected")
    }

    @Test func anyFailureLeavesTheReportUndeliveredWhateverTheOthers() {
        var random = SplitMix64(seed: 0x5E7)
        let report = Sample.buildReport()
        for _ in 0..<2000 {
            var items: [(String, ServerDelivery.IssueResult)] = []
            for index in 0..<Int.random(in: 0...6, using: &random) {
                let result: ServerDelivery.IssueResult =
                    switch Int.random(in: 0..<5, using: &random) {
                    case 0: .linked(updated: true)
                    case 1: .linked(updated: false)
                    case 2: .missing
                    case 3: .refused("no")
                    default: .failed(Failure())
                    }
                items.append(("K-\(index)", result))
            }
            func isLinked(_ result: ServerDelivery.IssueResult) -> Bool {
                if case .linked = result { true } else { false }
            }
            func isFailed(_ result: ServerDelivery.IssueResult) -> Bool {
                if case .failed = result { true } else { false }
            }
            let expected =
                items.contains { isFailed($0.1) }
                ? "failed" : items.contains { isLinked($0.1) } ? "accepted" : "rejected"
            let result = ServerDelivery.result(for: report, items: items)
            #expect(result.kindName == expected)
            if let outcome = result.outcome {
                #expect(outcome.accepted.count == items.filter { isLinked($0.1) }.count)
            }
        }
    }
}
