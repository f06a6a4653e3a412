import Testing

@testable import JiraCI

struct DispatcherTests {
    static let otherSite = JiraTarget(flavor: .server, siteURL: "https://jira.example.com")

    /// An outbox holding two reports for the sample site (made at 1 and 2) and one for another site (3).
    static func outbox(_ root: String) throws -> Outbox {
        let outbox = Outbox(directory: root + "/outbox")
        _ = try outbox.enqueue([
            Sample.buildReport(number: 1, createdAt: 1), Sample.buildReport(number: 2, createdAt: 2),
            Sample.buildReport(number: 3, target: otherSite, createdAt: 3),
        ])
        return outbox
    }

    static let fresh = [Sample.buildReport(number: 10, createdAt: 10)]
    static let key = Sample.buildReport().queueKey

    @Test func queuedReportsGoFirstAndOtherSitesWait() async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = try Self.outbox(root)
            let delivery = FakeDelivery.accepting()
            let result = await Dispatcher(delivery: delivery, outbox: outbox).dispatch(Self.fresh, queueKey: Self.key)
            #expect(delivery.batches.map { $0.map(\.createdAt) } == [[1, 2, 10]])
            #expect(result.delivered == 2)
            #expect(result.fresh.map(\.kindName) == ["accepted"])
            #expect(
                result.queued.isEmpty && result.rejected.isEmpty && result.refusal == nil && result.unreachable == nil)
            #expect(result.waiting == 1)
            #expect(outbox.peek().entries.map(\.report.createdAt) == [3])
        }
    }

    @Test func rejectedQueuedReportsMoveAsideWithJirasAnswer() async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = try Self.outbox(root)
            let delivery = FakeDelivery { report in
                report.createdAt == 1
                    ? .rejected(
                        ReportOutcome(rejected: [
                            .init(key: report.entity.apiKey, errors: [.object(["message": .string("bad url")])])
                        ]))
                    : .accepted(ReportOutcome(accepted: [report.entity.apiKey]))
            }
            let result = await Dispatcher(delivery: delivery, outbox: outbox).dispatch(Self.fresh, queueKey: Self.key)
            #expect(result.delivered == 1)
            #expect(result.rejected.map(\.report.createdAt) == [1])
            #expect(result.rejected.first?.answer == "bad url")
            let path = try #require(result.rejected.first?.path)
            #expect(path.hasPrefix(outbox.rejectedDirectory + "/") && FileSystem.exists(path))
            #expect(readText(path + ".reason.txt") == "bad url\n")
            #expect(outbox.peek().entries.map(\.report.createdAt) == [3])
        }
    }

    @Test func aRejectionWithoutMessagesStillSaysWhy() async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = try Self.outbox(root)
            let result = await Dispatcher(delivery: FakeDelivery { _ in .rejected(ReportOutcome()) }, outbox: outbox)
                .dispatch([], queueKey: Self.key)
            #expect(result.rejected.map(\.answer) == ["Jira did not accept it", "Jira did not accept it"])
        }
    }

    @Test func anUnreachableJiraQueuesTheFreshReportsAndKeepsTheQueuedOnes() async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = try Self.outbox(root)
            let answer = LastAnswer(source: .api("builds"), status: 503, longestWait: 60)
            let delivery = FakeDelivery { _ in .failed(JiraError.transientAnswer(answer)) }
            let result = await Dispatcher(delivery: delivery, outbox: outbox).dispatch(Self.fresh, queueKey: Self.key)
            #expect(delivery.batches.count == 1)
            #expect(result.unreachable != nil && result.refusal == nil)
            #expect(result.queued == Self.fresh)
            #expect(result.delivered == 0 && result.rejected.isEmpty)
            #expect(result.waiting == 4)
            #expect(outbox.peek().entries.map(\.report.createdAt) == [1, 2, 3, 10])
            // And the next run sends them, oldest first.
            let next = FakeDelivery.accepting()
            let later = await Dispatcher(delivery: next, outbox: outbox).dispatch([], queueKey: Self.key)
            #expect(next.batches.map { $0.map(\.createdAt) } == [[1, 2, 10]])
            #expect(later.delivered == 3 && later.waiting == 1)
        }
    }

    @Test func transportFailuresThatMayHealAlsoQueue() async {
        await withAsyncTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            let failure = TransportFailure(error: .connectionFailed(host: "jira", detail: "refused"), attempts: 3)
            let result = await Dispatcher(delivery: FakeDelivery { _ in .failed(failure) }, outbox: outbox).dispatch(
                Self.fresh, queueKey: Self.key)
            #expect(result.queued == Self.fresh && result.waiting == 1)
            // A wrong setting is not worth queueing: it would fail the same way later.
            let misconfigured = TransportFailure(error: .invalidURL("x"), attempts: 1)
            let second = await Dispatcher(delivery: FakeDelivery { _ in .failed(misconfigured) }, outbox: outbox)
                .dispatch([Sample.buildReport(number: 11, createdAt: 11)], queueKey: "another key")
            #expect(second.queued.isEmpty && second.waiting == 1 && second.unreachable == nil && second.refusal == nil)
        }
    }

    @Test func refusedCredentialsKeepEverythingWaiting() async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = try Self.outbox(root)
            let delivery = FakeDelivery { _ in .failed(JiraError.freshTokenRefused(api: "builds")) }
            let result = await Dispatcher(delivery: delivery, outbox: outbox).dispatch(Self.fresh, queueKey: Self.key)
            #expect(result.refusal != nil && result.unreachable == nil)
            #expect(result.fresh.map(\.kindName) == ["failed"])
            // The queued reports stay for when the credentials are fixed; the fresh one is not added.
            #expect(result.queued.isEmpty)
            #expect(outbox.peek().entries.map(\.report.createdAt) == [1, 2, 3])
            #expect(result.waiting == 3)
            #expect(!FileSystem.exists(outbox.rejectedDirectory))
        }
    }

    @Test func withoutAnOutboxOnlyTheFreshReportsGo() async {
        let delivery = FakeDelivery.accepting()
        let result = await Dispatcher(delivery: delivery, outbox: nil).dispatch(Self.fresh, queueKey: Self.key)
        #expect(delivery.batches.map { $0.map(\.createdAt) } == [[10]])
        #expect(result.fresh.map(\.kindName) == ["accepted"] && result.waiting == 0)
        let nothing = await Dispatcher(delivery: delivery, outbox: nil).dispatch([], queueKey: Self.key)
        #expect(nothing.fresh.isEmpty && delivery.batches.count == 1)
    }

    @Test func corruptQueueFilesAreReportedAsEvictions() async throws {
        try await withAsyncTemporaryDirectory { root in
            let outbox = try Self.outbox(root)
            writeFile("\(outbox.directory)/00000000000000000-00000000.json", "not json")
            let result = await Dispatcher(delivery: FakeDelivery.accepting(), outbox: outbox).dispatch(
                [], queueKey: Self.key)
            #expect(result.evicted.map(\.name) == ["00000000000000000-00000000.json"])
            #expect(result.delivered == 2)
        }
    }
}
