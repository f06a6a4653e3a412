import Testing

@testable import JiraCI

/// The streaming scanner (commit messages as they come out of git's pipe) must find exactly what the
/// whole-text scanner finds, however the text is cut; and every key found must be a key.
struct KeyScanningPropertyTests {
    static let scanner = IssueKeyScanner()
    static let letterCases: [IssueKeyScanner.LetterCase] = [.upperOnly, .any]

    /// Texts made to hit the scanner's edges: keys of every shape, near misses, long word and digit runs,
    /// letters and digits of other scripts as neighbours, and ignored prefixes.
    static func text(_ random: inout SplitMix64, tokens: Int) -> String {
        var text = ""
        for _ in 0..<tokens {
            switch Int.random(in: 0..<16, using: &random) {
            case 0, 1:
                let project = random.pick([
                    "AB", "ABC", "A1B", "MY_PROJ", "X_Y_Z", "PROJ2", "Q" + String(repeating: "W", count: 254),
                ])
                text += project + "-" + String(Int.random(in: 1...99_999, using: &random))
            case 2:
                text +=
                    random.pick(["ab", "abc", "Abc", "my_proj", "fEaT"]) + "-"
                    + String(Int.random(in: 1...999, using: &random))
            case 3: text += random.pick(["CVE-2021-44228", "UTF-8", "SHA-256", "ISO-8601", "RSA-2048", "GHSA-12"])
            case 4: text += random.pick(["_", "__", "-", "--", "-_-"])
            case 5:
                text += String(
                    repeating: random.pick(["A", "b", "Z9", "_"]), count: Int.random(in: 250...320, using: &random))
            case 6: text += random.pick(["é", "É", "日本", "中", "😀", "🇩🇪", "٣", "ß", "\u{301}", "Ω"])
            case 7: text += String(repeating: "1", count: Int.random(in: 15...22, using: &random))
            case 8: text += "0" + String(Int.random(in: 1...99, using: &random))
            case 9: text += random.pick([" ", "\n", "/", ".", "[", "]", "(", ")", ",", ":", "#", "\t"])
            case 10: text += random.pick(["AB-", "-12", "AB-0", "AB-012", "A-1", "1AB-2", "xAB-3", "AB-4x"])
            case 11: text += String(repeating: "A", count: Int.random(in: 255...258, using: &random)) + "-1"
            case 12: text += "AB-" + String(repeating: "9", count: Int.random(in: 17...19, using: &random))
            default: text += random.ascii(Int.random(in: 1...6, using: &random))
            }
        }
        return text
    }

    static func streamed(
        _ bytes: [UInt8], sizes: [Int], letterCase: IssueKeyScanner.LetterCase,
        scanner: IssueKeyScanner = scanner
    ) -> [String] {
        var streaming = StreamingKeyScanner(scanner: scanner, letterCase: letterCase)
        var keys: [String] = []
        forEachPiece(of: bytes, sizes: sizes) { piece in streaming.feed(piece) { keys.append($0) } }
        streaming.finish { keys.append($0) }
        return keys
    }

    static func whole(_ bytes: [UInt8], letterCase: IssueKeyScanner.LetterCase, scanner: IssueKeyScanner = scanner)
        -> [String]
    {
        var keys: [String] = []
        bytes.withUnsafeBufferPointer { buffer in scanner.scan(buffer, letterCase: letterCase) { keys.append($0) } }
        return keys
    }

    /// `^[A-Z][A-Z0-9_]{1,255}-[1-9][0-9]{0,17}$`, without an ignored project part.
    static func isKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard let dash = bytes.lastIndex(of: UInt8(ascii: "-")) else { return false }
        let project = bytes[..<dash]
        let number = bytes[(dash + 1)...]
        return (2...256).contains(project.count) && ASCII.isUppercase(project.first!)
            && project.allSatisfy { ASCII.isUppercase($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "_") }
            && (1...18).contains(number.count) && number.first != UInt8(ascii: "0") && number.allSatisfy(ASCII.isDigit)
            && !IssueKeyRules.defaultIgnoredPrefixes.contains(String(decoding: project, as: UTF8.self))
    }

    @Test func streamingFindsWhatTheWholeTextHoldsForRandomChunkings() {
        var random = SplitMix64(seed: 0x57EA)
        for round in 0..<40 {
            let text = Self.text(&random, tokens: Int.random(in: 1...60, using: &random))
            let bytes = Array(text.utf8)
            for letterCase in Self.letterCases {
                let expected = Self.scanner.keys(in: text, letterCase: letterCase)
                var chunkings = [
                    [bytes.count].filter { $0 > 0 },
                    random.chunkSizes(total: bytes.count, largest: 20),
                    random.chunkSizes(total: bytes.count, largest: 300),
                    random.chunkSizes(total: bytes.count, largest: 3000),
                    random.chunkSizes(total: bytes.count, largest: 64 * 1024),
                ]
                if round % 8 == 0, bytes.count < 2500 { chunkings.append(Array(repeating: 1, count: bytes.count)) }
                for sizes in chunkings {
                    let found = Self.streamed(bytes, sizes: sizes, letterCase: letterCase)
                    #expect(found == expected, "round \(round), pieces \(sizes.prefix(12))…")
                    if found != expected { return }
                }
                for key in expected {
                    #expect(Self.isKey(key), "\(key)")
                }
            }
        }
    }

    @Test func streamingAcrossSixtyFourKiBPipeReads() {
        var random = SplitMix64(seed: 0x64C1B)
        var text = ""
        while text.utf8.count < 300_000 { text += Self.text(&random, tokens: 50) }
        let bytes = Array(text.utf8)
        for letterCase in Self.letterCases {
            let expected = Self.scanner.keys(in: text, letterCase: letterCase)
            #expect(expected.count > 100)
            #expect(
                Self.streamed(
                    bytes, sizes: Array(repeating: 64 * 1024, count: bytes.count / 65536) + [bytes.count % 65536],
                    letterCase: letterCase) == expected)
            #expect(
                Self.streamed(
                    bytes, sizes: random.chunkSizes(total: bytes.count, largest: 70_000), letterCase: letterCase)
                    == expected)
        }
    }

    @Test func aKeyCutAtEveryPossiblePlaceIsFoundOnce() {
        // Around the window's edge: long enough that the text is cut several times.
        let prefix = String(repeating: "x ", count: 700)
        for key in ["AB-1", "MY_PROJ-123456789012345678", "Q" + String(repeating: "W", count: 255) + "-9"] {
            let text = prefix + key + " tail " + key
            let bytes = Array(text.utf8)
            for cut in stride(from: 1, to: bytes.count, by: 7) {
                #expect(
                    Self.streamed(bytes, sizes: [cut, bytes.count - cut], letterCase: .upperOnly) == [key, key],
                    "cut at \(cut)")
            }
        }
    }

    @Test func oneScannerReadsTextAfterTextAndForgetsBetween() {
        var streaming = StreamingKeyScanner(scanner: Self.scanner, letterCase: .upperOnly)
        var keys: [[String]] = []
        // The first text ends in a key's project part; the second starts with digits: no key across texts.
        for text in ["fixes ABC-1 and AB", "-12 then DEF-2", String(repeating: "y", count: 2000) + " GH-3"] {
            var found: [String] = []
            Array(text.utf8).withUnsafeBufferPointer { streaming.feed($0) { found.append($0) } }
            streaming.finish { found.append($0) }
            keys.append(found)
        }
        #expect(keys == [["ABC-1"], ["DEF-2"], ["GH-3"]])
    }

    @Test func allowListsAndExtraPrefixesStreamAlike() {
        var random = SplitMix64(seed: 0xA110)
        let scanners = [
            IssueKeyScanner(rules: IssueKeyRules(allowedProjects: ["ab", "my_proj", "cve"])),
            IssueKeyScanner(rules: IssueKeyRules(extraIgnoredPrefixes: ["abc", "proj2"])),
        ]
        for _ in 0..<60 {
            let text = Self.text(&random, tokens: Int.random(in: 1...40, using: &random))
            let bytes = Array(text.utf8)
            for scanner in scanners {
                for letterCase in Self.letterCases {
                    let expected = scanner.keys(in: text, letterCase: letterCase)
                    #expect(
                        Self.streamed(
                            bytes, sizes: random.chunkSizes(total: bytes.count, largest: 40), letterCase: letterCase,
                            scanner: scanner) == expected)
                    if !scanner.rules.allowedProjects.isEmpty {
                        #expect(
                            expected.allSatisfy {
                                scanner.rules.allowedProjects.contains(String($0[..<$0.lastIndex(of: "-")!]))
                            })
                    }
                }
            }
        }
    }

    @Test func randomBytesNeverTrapAndStreamAlike() {
        var random = SplitMix64(seed: 0xB17E5)
        for round in 0..<300 {
            var bytes = random.bytes(Int.random(in: 0...3000, using: &random))
            // Sprinkle in dashes, digits and letters, so some keys can form among the garbage.
            for _ in 0..<bytes.count / 8 {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = random.pick(Array("AB-19_ab".utf8))
            }
            for letterCase in Self.letterCases {
                let expected = Self.whole(bytes, letterCase: letterCase)
                #expect(expected.allSatisfy(Self.isKey))
                #expect(
                    Self.streamed(
                        bytes, sizes: random.chunkSizes(total: bytes.count, largest: 100), letterCase: letterCase)
                        == expected,
                    "round \(round)")
            }
        }
    }

    /// Invalid UTF-8 straight from git (a commit message in Latin-1, or garbage): a lead byte followed by
    /// more continuation bytes than the streaming window holds, right before a key. The whole-text scanner
    /// walks back over all of them to the lead byte and decodes a letter (no key); the streaming scanner
    /// sees only continuation bytes in its window (a key). Both must agree.
    @Test func invalidUTF8BeforeAKeyStreamsAlike() {
        let bytes: [UInt8] = [0xC3] + Array(repeating: 0x80, count: 3000) + Array("AB-1 ".utf8)
        for letterCase in Self.letterCases {
            let expected = Self.whole(bytes, letterCase: letterCase)
            #expect(Self.streamed(bytes, sizes: [bytes.count], letterCase: letterCase) == expected)
            #expect(Self.streamed(bytes, sizes: [1000, 1000, 1006], letterCase: letterCase) == expected)
        }
    }
}
