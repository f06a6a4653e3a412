import Synchronization
import Testing

@testable import JiraCI

#if canImport(Glibc)
    import Glibc
#endif

/// Reports Jira has not taken yet, on disk: private files, oldest first, claimed by one run at a time, and
/// nothing dropped silently.
struct OutboxTests {
    static func enqueue(_ outbox: Outbox, createdAt times: [Int64], target: JiraTarget = Sample.cloud) throws
        -> [Report]
    {
        let reports = times.map { Sample.buildReport(number: $0, target: target, createdAt: $0) }
        _ = try outbox.enqueue(reports)
        return reports
    }

    @Test func enqueuedReportsArePrivateFilesInAPrivateFolder() throws {
        try withTemporaryDirectory { root in
            let outbox = Outbox(directory: root + "/state/outbox")
            let (waiting, evicted) = try outbox.enqueue([
                Sample.buildReport(number: 1, createdAt: 2), Sample.buildReport(number: 2, createdAt: 1),
            ])
            #expect(waiting == 2 && evicted.isEmpty)
            #expect(fileMode(root + "/state/outbox").map { $0.isDirectory && $0.permissions == 0o700 } == true)
            #expect(fileMode(root + "/state").map { $0.permissions == 0o700 } == true)
            let names = outbox.waitingNames()
            #expect(names.count == 2)
            for name in names {
                #expect(name.hasSuffix(".json") && !name.contains(".tmp-"))
                #expect(
                    fileMode("\(outbox.directory)/\(name)").map { !$0.isDirectory && $0.permissions == 0o600 } == true,
                    "\(name)")
            }
            // Named by age: the report made first sorts first.
            #expect(names[0].hasPrefix("00000000000000001-") && names[1].hasPrefix("00000000000000002-"))
            // Nothing else is left behind (no temporary files).
            #expect(FileSystem.list(outbox.directory).sorted() == names)
        }
    }

    @Test func claimsTakeTheOldestFirstUpToTheLimit() throws {
        try withTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            let reports = try Self.enqueue(outbox, createdAt: [30, 10, 20])
            let (claim, evicted) = outbox.claim(limit: 2) { _ in true }
            #expect(evicted.isEmpty)
            #expect(claim.entries.map(\.report) == [reports[1], reports[2]])
            claim.release()
            #expect(outbox.claim(limit: 10) { _ in true }.claim.entries.map(\.report.createdAt) == [10, 20, 30])
        }
    }

    @Test func aClaimedReportIsNotClaimedTwiceUntilReleased() throws {
        try withTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            _ = try Self.enqueue(outbox, createdAt: [1, 2, 3])
            let first = outbox.claim(limit: 2) { _ in true }.claim
            let second = outbox.claim(limit: 10) { _ in true }.claim
            #expect(first.entries.map(\.report.createdAt) == [1, 2])
            #expect(second.entries.map(\.report.createdAt) == [3])
            #expect(outbox.claim(limit: 10) { _ in true }.claim.entries.isEmpty)
            first.release()
            let third = outbox.claim(limit: 10) { _ in true }.claim
            #expect(third.entries.map(\.report.createdAt) == [1, 2])
            // Nothing was lost on the way.
            #expect(outbox.waitingNames().count == 3)
            second.release()
            third.release()
        }
    }

    @Test func aClaimThatEndsReleasesItsReports() throws {
        try withTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            _ = try Self.enqueue(outbox, createdAt: [1, 2])
            do {
                let claim = outbox.claim(limit: 10) { _ in true }.claim
                #expect(claim.entries.count == 2)
            }
            #expect(outbox.claim(limit: 10) { _ in true }.claim.entries.count == 2)
        }
    }

    @Test func claimsSkipReportsTheyDoNotMatchOrWereToldToSkip() throws {
        try withTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            let other = JiraTarget(flavor: .server, siteURL: "https://jira.example.com")
            _ = try Self.enqueue(outbox, createdAt: [1, 2])
            _ = try Self.enqueue(outbox, createdAt: [3], target: other)
            let key = Sample.buildReport().queueKey
            let claim = outbox.claim(limit: 10) { $0.queueKey == key }.claim
            #expect(claim.entries.map(\.report.createdAt) == [1, 2])
            // The unmatched report is not held: another run for its site can take it.
            #expect(outbox.claim(limit: 10) { _ in true }.claim.entries.map(\.report.createdAt) == [3])
            claim.release()
            let skipped = Set([outbox.waitingNames()[0]])
            #expect(
                outbox.claim(limit: 10, skipping: skipped) { _ in true }.claim.entries.map(\.report.createdAt) == [
                    2, 3,
                ])
        }
    }

    @Test func deliveredReportsLeaveAndRejectedOnesMoveAsideWithTheReason() throws {
        try withTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            _ = try Self.enqueue(outbox, createdAt: [1, 2, 3])
            let claim = outbox.claim(limit: 10) { _ in true }.claim
            let (delivered, rejected) = (claim.entries[0], claim.entries[1])
            claim.delivered(delivered)
            let path = claim.rejected(rejected, answer: "Jira says: bad url")
            claim.release()
            #expect(!FileSystem.exists("\(root)/\(delivered.name)"))
            #expect(!FileSystem.exists("\(root)/\(rejected.name)"))
            #expect(path == "\(outbox.rejectedDirectory)/\(rejected.name)")
            #expect(FileSystem.exists(path))
            #expect(readText(path + ".reason.txt") == "Jira says: bad url\n")
            #expect(fileMode(outbox.rejectedDirectory)?.permissions == 0o700)
            #expect(outbox.waitingNames().count == 1)
            // Told twice, nothing more happens.
            claim.delivered(delivered)
            #expect(claim.rejected(rejected, answer: "again") == "")
            #expect(readText(path + ".reason.txt") == "Jira says: bad url\n")
        }
    }

    @Test func filesThatAreNotReportsMoveAsideAndAreReported() throws {
        try withTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            _ = try Self.enqueue(outbox, createdAt: [5])
            writeFile("\(root)/00000000000000001-deadbeef.json", "{oops")
            writeFile("\(root)/00000000000000002-cafebabe.json", #"{"target": 1}"#)
            writeFile("\(root)/notes.txt", "not json")
            writeFile("\(root)/00000000000000003-aaaaaaaa.json.tmp-123456", "half written")
            #expect(outbox.waitingNames().count == 3)
            let peeked = outbox.peek()
            #expect(peeked.entries.map(\.report.createdAt) == [5])
            #expect(peeked.unreadable == ["00000000000000001-deadbeef.json", "00000000000000002-cafebabe.json"])
            let (claim, evicted) = outbox.claim(limit: 10) { _ in true }
            #expect(claim.entries.map(\.report.createdAt) == [5])
            #expect(evicted.map(\.name) == ["00000000000000001-deadbeef.json", "00000000000000002-cafebabe.json"])
            #expect(evicted.allSatisfy { $0.reason.contains("not a jira-ci report") })
            for eviction in evicted {
                #expect(FileSystem.exists("\(outbox.rejectedDirectory)/\(eviction.name)"))
                #expect(readText("\(outbox.rejectedDirectory)/\(eviction.name).reason.txt") == eviction.reason + "\n")
            }
            // Files that are no queue entries are left alone.
            #expect(
                FileSystem.exists("\(root)/notes.txt")
                    && FileSystem.exists("\(root)/00000000000000003-aaaaaaaa.json.tmp-123456"))
        }
    }

    @Test func aFullOutboxMovesTheOldestAside() throws {
        try withTemporaryDirectory { root in
            let outbox = Outbox(directory: root, capacity: 3)
            _ = try Self.enqueue(outbox, createdAt: [1, 2])
            let oldest = outbox.waitingNames()
            let (waiting, evicted) = try outbox.enqueue(
                [3, 4, 5].map { Sample.buildReport(number: $0, createdAt: $0) })
            #expect(waiting == 3)
            #expect(evicted.map(\.name) == oldest)
            #expect(evicted.allSatisfy { $0.reason.contains("at most 3 reports") })
            #expect(outbox.peek().entries.map(\.report.createdAt) == [3, 4, 5])
            for name in oldest {
                #expect(FileSystem.exists("\(outbox.rejectedDirectory)/\(name)"))
                #expect(FileSystem.exists("\(outbox.rejectedDirectory)/\(name).reason.txt"))
            }
        }
    }

    @Test func filesCarryTheirFormatAndEarlierFormatsAreRead() throws {
        try withTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            let report = Sample.buildReport(number: 7, createdAt: 7)
            _ = try outbox.enqueue([report])
            let written = try JSON.decode(JSONValue.self, from: FileSystem.read("\(root)/\(outbox.waitingNames()[0])"))
            #expect(written["format"] == .integer(Int64(OutboxFormat.current)))
            // Format 1 (jira-ci 0.1) is the report's JSON without the field.
            writeFile(
                "\(root)/00000000000000001-00000001.json", try JSON.string(Sample.buildReport(number: 1, createdAt: 1)))
            #expect(outbox.peek().entries.map(\.report.createdAt) == [1, 7])
            #expect(
                outbox.claim(limit: 10) { _ in true }.claim.entries.map(\.report) == [
                    Sample.buildReport(number: 1, createdAt: 1), report,
                ])
        }
    }

    /// jira-ci 0.2 reads formats up to 2 and leaves newer files waiting. A build by association is a file it
    /// would misread (its Build requires issueKeys), so it is stamped 3; everything else stays 2, which 0.2
    /// still delivers.
    @Test func eachFileCarriesTheEarliestFormatThatHoldsItsReport() throws {
        struct BuildOf02: Decodable {
            let pipelineId: String
            let issueKeys: [String]
        }
        struct EntityOf02: Decodable { let build: BuildOf02? }
        struct ReportOf02: Decodable { let entity: EntityOf02 }
        let reports = [
            Sample.buildReport(), Sample.report(.build(Sample.build().withIssueKeysField().build)),
            Sample.report(.deployment(Sample.deployment())),
        ]
        var formats: [Int64] = []
        for report in reports {
            let bytes = try OutboxFormat.encode(report)
            guard case .integer(let format)? = try JSON.decode(JSONValue.self, from: bytes)["format"] else {
                Issue.record("\(report.entity.noun) has no format")
                continue
            }
            formats.append(format)
            #expect((try? JSON.decode(ReportOf02.self, from: bytes)) != nil || format > 2, "\(report.entity.noun)")
            guard case .report(let read) = OutboxFormat.decode(bytes) else {
                Issue.record("\(report.entity.noun) was not read back")
                continue
            }
            #expect(read == report)
        }
        #expect(formats == [3, 2, 2] && OutboxFormat.current == 3)
    }

    @Test func aNewerFormatIsLeftWaitingNeverMovedAsideNotEvenForRoom() throws {
        try withTemporaryDirectory { root in
            let outbox = Outbox(directory: root, capacity: 2)
            _ = try Self.enqueue(outbox, createdAt: [3])
            let newer = "00000000000000001-0000000f.json"
            writeFile("\(root)/\(newer)", #"{"format": 9, "somethingNew": {"a": 1}}"#)
            writeFile("\(root)/00000000000000002-00000bad.json", #"{"format": "two"}"#)
            let peeked = outbox.peek()
            #expect(peeked.newer.map(\.name) == [newer] && peeked.newer.map(\.format) == [9])
            #expect(peeked.unreadable == ["00000000000000002-00000bad.json"])
            let (claim, evicted) = outbox.claim(limit: 10) { _ in true }
            #expect(claim.entries.map(\.report.createdAt) == [3])
            #expect(claim.newer.map(\.name) == [newer])
            #expect(evicted.map(\.name) == ["00000000000000002-00000bad.json"])
            claim.release()
            // A full outbox makes room with its own reports, never with the newer one's.
            let (_, madeRoom) = try outbox.enqueue([4, 5].map { Sample.buildReport(number: $0, createdAt: $0) })
            #expect(madeRoom.map(\.name).allSatisfy { $0 != newer } && madeRoom.count == 2)
            #expect(FileSystem.exists("\(root)/\(newer)") && !FileSystem.exists("\(outbox.rejectedDirectory)/\(newer)"))
        }
    }

    @Test func reportsSurviveTheRoundTripThroughDisk() throws {
        try withTemporaryDirectory { root in
            let outbox = Outbox(directory: root)
            let reports = [
                Sample.buildReport(number: 1, keys: ["ABC-1", "ÉÜ-2"], createdAt: 1),
                Sample.report(.deployment(Sample.deployment()), createdAt: 2),
                Sample.report(.devinfo(DevInfoAnswerTests.repository), createdAt: 3),
            ]
            _ = try outbox.enqueue(reports)
            #expect(outbox.peek().entries.map(\.report) == reports)
        }
    }

    @Test(arguments: [Int64.min, -1, 0, 1, 99_999_999_999_999_999, .max])
    func anyCreationTimeMakesAUsableName(createdAt: Int64) {
        let name = Outbox.fileName(createdAt: createdAt)
        #expect(name.hasSuffix(".json") && !name.contains("/") && !name.hasPrefix("-"))
        #expect(Outbox.fileName(createdAt: createdAt) != name)  // the random part keeps names apart
    }
}
