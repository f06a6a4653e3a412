import Testing

@testable import JiraCI

/// `git log -z --format=%H%n%B` read as the pipe delivers it: however the bytes are cut, the same commits
/// with the same messages come out.
struct CommitLogReaderTests {
    struct Record: Equatable, CustomStringConvertible {
        var sha: String
        var message: [UInt8]
        var description: String { "\(sha): \(String(decoding: message, as: UTF8.self).debugDescription)" }
    }

    static func read(_ bytes: [UInt8], sizes: [Int]) -> (records: [Record], count: Int) {
        var reader = CommitLogReader()
        var records: [Record] = []
        var open = false
        func handle(_ event: CommitLogReader.Event) {
            switch event {
            case .commit(let sha):
                #expect(!open, "a commit started inside another")
                records.append(Record(sha: sha, message: []))
                open = true
            case .message(let piece):
                #expect(open, "a message outside a commit")
                #expect(!piece.isEmpty)
                records[records.count - 1].message += piece
            case .end:
                #expect(open, "an end without a commit")
                open = false
            }
        }
        forEachPiece(of: bytes, sizes: sizes) { reader.feed($0, handle) }
        reader.finish(handle)
        #expect(!open, "the last commit was never ended")
        return (records, reader.records)
    }

    /// What the reader should see in `bytes`: NUL-separated records (a trailing NUL ends the last one), each the
    /// sha line (at most 128 bytes kept) and the message after its newline.
    static func model(_ bytes: [UInt8]) -> [Record] {
        var pieces = bytes.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        return pieces.map { piece in
            let newline = piece.firstIndex(of: UInt8(ascii: "\n")) ?? piece.count
            return Record(
                sha: String(decoding: piece[..<newline].prefix(CommitLogReader.longestSHALine), as: UTF8.self),
                message: newline < piece.count ? Array(piece[(newline + 1)...]) : [])
        }
    }

    static let sample: [UInt8] = Array(
        ("1111111111111111111111111111111111111111\nFix ABC-1\n\nBody line\n\u{0}"
            + "2222222222222222222222222222222222222222\u{0}"  // an empty message
            + "3333333333333333333333333333333333333333\n\u{0}"  // an empty message after the newline
            + "4444444444444444444444444444444444444444\nLast DEF-2 without its NUL\n").utf8)

    @Test func readsRecordsWithEmptyMessagesAndALastRecordWithoutItsNUL() {
        let (records, count) = Self.read(Self.sample, sizes: [Self.sample.count])
        #expect(
            records == [
                Record(sha: String(repeating: "1", count: 40), message: Array("Fix ABC-1\n\nBody line\n".utf8)),
                Record(sha: String(repeating: "2", count: 40), message: []),
                Record(sha: String(repeating: "3", count: 40), message: []),
                Record(sha: String(repeating: "4", count: 40), message: Array("Last DEF-2 without its NUL\n".utf8)),
            ])
        #expect(count == 4)
    }

    @Test(arguments: [
        ("", 0),
        ("\u{0}", 1),  // one record without sha or message, as git would never write it
        ("abc", 1),  // a sha without anything after it
        ("abc\n", 1),
        ("abc\u{0}", 1),
        ("abc\u{0}def", 2),
    ])
    func edgesOfTheStream(text: String, count: Int) {
        let bytes = Array(text.utf8)
        let read = Self.read(bytes, sizes: [bytes.count].filter { $0 > 0 })
        #expect(read.count == count)
        #expect(read.records == Self.model(bytes))
    }

    @Test func everyChunkingOfTheSampleReadsTheSame() {
        let expected = Self.read(Self.sample, sizes: [Self.sample.count])
        // Every single cut, and every pair of cuts.
        for first in 1..<Self.sample.count {
            #expect(Self.read(Self.sample, sizes: [first, Self.sample.count - first]) == expected, "cut at \(first)")
            for second in stride(from: first + 1, to: Self.sample.count, by: 11) {
                let sizes = [first, second - first, Self.sample.count - second]
                #expect(Self.read(Self.sample, sizes: sizes) == expected, "cuts at \(first), \(second)")
            }
        }
        #expect(Self.read(Self.sample, sizes: Array(repeating: 1, count: Self.sample.count)) == expected)
    }

    @Test func randomLogsReadAsTheirRecordsInAnyChunking() {
        var random = SplitMix64(seed: 0x61706)
        for _ in 0..<60 {
            var bytes: [UInt8] = []
            for index in 0..<Int.random(in: 0...12, using: &random) {
                if index > 0 { bytes.append(0) }
                bytes += Array(
                    (0..<40).map { _ in random.pick(Array("0123456789abcdef")) }.map(String.init).joined().utf8)
                switch Int.random(in: 0..<5, using: &random) {
                case 0: break  // no message, not even the newline
                case 1: bytes.append(UInt8(ascii: "\n"))
                case 2:
                    bytes += Array(("\n" + random.unicode(Int.random(in: 1...200, using: &random))).utf8).filter {
                        $0 != 0
                    }
                case 3:  // a long message, newlines inside
                    bytes +=
                        [UInt8(ascii: "\n")]
                        + random.bytes(Int.random(in: 1000...3000, using: &random)).map { $0 == 0 ? 0x0A : $0 }
                default: bytes += Array("\nsubject\n\nbody\n".utf8)
                }
            }
            if random.chance(0.5), !bytes.isEmpty { bytes.append(0) }
            let expected = Self.model(bytes)
            for largest in [1, 3, 64, 4096, 65_536] {
                guard largest > 3 || bytes.count < 4000 else { continue }
                let read = Self.read(bytes, sizes: random.chunkSizes(total: bytes.count, largest: largest))
                #expect(read.records == expected)
                #expect(read.count == expected.count)
            }
        }
    }

    @Test func randomBytesNeverTrapAndMatchTheModel() {
        var random = SplitMix64(seed: 0xB0B)
        for _ in 0..<300 {
            var bytes = random.bytes(Int.random(in: 0...600, using: &random))
            // More separators than chance gives, so records and sha lines are short and many.
            for _ in 0..<bytes.count / 20 {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = random.pick([0, 0x0A])
            }
            let read = Self.read(bytes, sizes: random.chunkSizes(total: bytes.count, largest: 50))
            let expected = Self.model(bytes)
            #expect(read.records == expected)
            #expect(read.count == expected.count)
        }
    }

    @Test func aShaLineLongerThanAnyShaIsCutNotCollected() {
        let line = String(repeating: "f", count: 10_000)
        let bytes = Array((line + "\nmessage\u{0}" + line).utf8)
        for sizes in [
            [bytes.count], Array(repeating: 100, count: bytes.count / 100) + [bytes.count % 100].filter { $0 > 0 },
        ] {
            let read = Self.read(bytes, sizes: sizes)
            #expect(
                read.records.map(\.sha)
                    == Array(repeating: String(repeating: "f", count: CommitLogReader.longestSHALine), count: 2))
            #expect(read.records.first?.message == Array("message".utf8))
        }
    }
}

extension CommitLogReaderTests.Record: Sendable {}
