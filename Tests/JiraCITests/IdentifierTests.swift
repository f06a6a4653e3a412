import Testing

@testable import JiraCI

/// Ids that go into URL paths, text cut to Jira's limits, and build numbers made up from git.
struct PathSafeIdentifierTests {
    static func isUnreserved(_ text: String) -> Bool {
        text.utf8.allSatisfy { ASCII.isLetter($0) || ASCII.isDigit($0) || Array("-._~".utf8).contains($0) }
    }

    @Test(arguments: ["github.com", "shop", "a-b_c.d~e", "A", "1", String(repeating: "x", count: 255)])
    func safeIdsAreKeptAsTheyAre(id: String) {
        #expect(Identifiers.pathSafe(id) == id)
    }

    @Test(arguments: [
        ("github.com/acme/shop#CI", "github.com-acme-shop-CI-"),
        ("a/b", "a-b-"),
        ("a b", "a-b-"),
        ("/lead/and/trail/", "lead-and-trail-"),
        ("日本", ""),
    ])
    func otherIdsBecomeASlugAndAHash(id: String, head: String) {
        let safe = Identifiers.pathSafe(id)
        #expect(safe.hasPrefix(head))
        let suffix = safe.dropFirst(head.count)
        #expect(suffix.count == 8 && suffix.allSatisfy(\.isHexDigit), "\(safe)")
    }

    @Test func idsThatSlugAlikeStayDistinct() {
        #expect(Identifiers.pathSafe("a/b") != Identifiers.pathSafe("a b"))
        #expect(Identifiers.pathSafe("a/b") != Identifiers.pathSafe("a//b"))
        #expect(Identifiers.pathSafe("") != Identifiers.pathSafe("/"))
        let long = String(repeating: "x", count: 300)
        #expect(Identifiers.pathSafe(long + "1") != Identifiers.pathSafe(long + "2"))
    }

    @Test func randomIdsAreUnreservedBoundedStableAndDistinct() {
        var random = SplitMix64(seed: 0x1D5)
        let alphabet = Array("aZ09-._~/ #?%é😀日") + ["\u{0}"]
        var seen: [String: String] = [:]
        for round in 0..<4000 {
            let length = round % 50 == 0 ? Int.random(in: 200...700, using: &random) : Int.random(in: 0...30, using: &random)
            let id = String((0..<length).map { _ in random.pick(alphabet) })
            for limit in [FieldLimits.text, FieldLimits.longText] {
                let safe = Identifiers.pathSafe(id, limit: limit)
                #expect(Self.isUnreserved(safe) && !safe.isEmpty, "\(id.debugDescription) → \(safe)")
                #expect(safe.utf8.count <= limit)
                #expect(Identifiers.pathSafe(id, limit: limit) == safe)
                if !id.isEmpty, id.utf8.count <= limit, Self.isUnreserved(id) { #expect(safe == id) }
            }
            let safe = Identifiers.pathSafe(id)
            if let other = seen[safe], other != id {
                Issue.record("\(id.debugDescription) and \(other.debugDescription) both became \(safe)")
            }
            seen[safe] = id
        }
    }

    @Test func slugsAreLowerCaseWordsJoinedByDashes() {
        var random = SplitMix64(seed: 0x5106)
        for _ in 0..<1000 {
            let name = random.unicode(Int.random(in: 0...40, using: &random))
            let slug = Identifiers.slug(name)
            #expect(!slug.isEmpty && slug.utf16.count <= FieldLimits.text)
            #expect(slug.utf8.allSatisfy { ASCII.isLowercase($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "-") }, "\(slug)")
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"))
            #expect(Identifiers.slug(name) == slug)
        }
        #expect(Identifiers.slug("Production EU") == "production-eu")
        #expect(Identifiers.slug("  staging__2 ") == "staging-2")
        #expect(Identifiers.slug("本番").hasPrefix("env-"))
        #expect(Identifiers.slug("本番") != Identifiers.slug("本番環境"))
    }
}

struct ShortenedTextTests {
    static let family = "👨‍👩‍👧‍👦"  // one character, 11 UTF-16 units
    static let flag = "🇩🇪"  // one character, 4 units
    static let accented = "e\u{301}"  // one character, 2 units

    @Test func textThatFitsIsLeftAlone() {
        #expect(FieldLimits.shortened("abc", limit: 3) == nil)
        #expect(FieldLimits.shortened(Self.family, limit: 11) == nil)
        #expect(FieldLimits.fitted("abc", limit: 3) == "abc")
    }

    @Test func limitsCountUTF16Units() {
        // 3 emoji are 6 units: over a limit of 5 though only 3 characters.
        #expect(FieldLimits.shortened("😀😀😀", limit: 5) == "😀😀…")
        #expect(FieldLimits.shortened("😀😀😀", limit: 4) == "😀…")
        #expect(FieldLimits.shortened("abcdef", limit: 4) == "abc…")
    }

    @Test(arguments: [
        (String(repeating: "😀", count: 10), 6, "😀😀…"),
        (String(repeating: flag, count: 3), 8, flag + "…"),
        (String(repeating: flag, count: 3), 4, "…"),
        ("ab" + family + "cd", 12, "ab…"),
        ("ab" + family + "cd", 14, "ab" + family + "…"),
        ("x" + String(repeating: accented, count: 5), 4, "x" + accented + "…"),
        ("x" + String(repeating: accented, count: 5), 3, "x…"),
    ])
    func cutsFallBetweenCharacters(text: String, limit: Int, expected: String) throws {
        let short = try #require(FieldLimits.shortened(text, limit: limit))
        #expect(short == expected)
        #expect(short.utf16.count <= limit)
    }

    @Test func randomTextIsCutToTheLimitAtACharacterBoundary() throws {
        var random = SplitMix64(seed: 0xC07)
        let pieces = ["a", "Z", " ", "é", Self.accented, "日本", "😀", Self.flag, Self.family, "\u{301}", "\u{200D}", "🇩", "👍🏽", "\r\n"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in random.pick(pieces) }.joined()
            let limit = Int.random(in: 1...60, using: &random)
            guard let short = FieldLimits.shortened(text, limit: limit) else {
                #expect(text.utf16.count <= limit)
                continue
            }
            #expect(text.utf16.count > limit)
            #expect(short.utf16.count <= limit, "\(text.debugDescription) at \(limit)")
            #expect(short.hasSuffix("…"))
            // What is kept is whole characters of the text, in order, and as many as fit.
            let kept = Array(short.dropLast())
            let characters = Array(text)
            #expect(Array(characters.prefix(kept.count)) == kept, "\(text.debugDescription) → \(short.debugDescription)")
            #expect(String(kept).utf16.count == kept.reduce(0) { $0 + $1.utf16.count })
            if kept.count < characters.count {
                #expect(String(kept).utf16.count + characters[kept.count].utf16.count + 1 > limit)
            }
            // No lone surrogate: the text converts to UTF-16 and back unchanged.
            #expect(String(decoding: Array(short.utf16), as: UTF16.self) == short)
        }
    }
}

struct FallbackBuildNumberTests {
    static let sha = "3fa85f6457174562b3fc2c963f66afa6a1b2c3d4"

    static func number(_ depth: Int, _ sha: String, _ branch: String? = "main") -> Int64 {
        PipelineIdentity.fallbackBuildNumber(depth: depth, sha: sha, branch: branch)
    }

    @Test func theSameCommitOnTheSameBranchAlwaysGetsTheSameNumber() {
        #expect(Self.number(120, Self.sha) == Self.number(120, Self.sha))
        #expect(Self.number(120, Self.sha, nil) == Self.number(120, Self.sha, nil))
        #expect(Self.number(120, Self.sha) >> 20 == 120)
        #expect(Self.number(0, "", nil) >= 0)
    }

    static func randomSHA(_ random: inout SplitMix64) -> String {
        String((0..<40).map { _ in random.pick(Array("0123456789abcdef")) })
    }

    @Test func numbersGrowWithDepthWhateverTheShasAndBranches() {
        var random = SplitMix64(seed: 0xDE97)
        for _ in 0..<3000 {
            let depth = Int.random(in: 0...10_000_000, using: &random)
            let a = Self.number(depth, Self.randomSHA(&random), "feature/\(random.next() % 100)")
            let b = Self.number(depth + Int.random(in: 1...3, using: &random), Self.randomSHA(&random), "feature/\(random.next() % 100)")
            #expect(a < b && a >= 0)
        }
    }

    /// A hook reports every pushed branch; branches made from one commit must not overwrite each other's build.
    @Test func branchesAtTheSameCommitGetDifferentNumbers() {
        var random = SplitMix64(seed: 0x5A5)
        var numbers = Set<Int64>()
        let names = ["main", "master", "develop", "release/1.0", "feature/SHOP-2-x", "feature/SHOP-3-y"]
            + (0..<200).map { _ in "feature/SHOP-\(random.next() % 100_000)" }
        for name in Set(names) { numbers.insert(Self.number(77, Self.sha, name)) }
        #expect(numbers.count == Set(names).count)
        #expect(Self.number(77, Self.sha, nil) != Self.number(77, Self.sha, "main"))
    }

    @Test func commitsAtTheSameDepthOfOneBranchGetDifferentNumbers() {
        var random = SplitMix64(seed: 0xB0B)
        let shas = Set((0..<200).map { _ in Self.randomSHA(&random) })
        #expect(Set(shas.map { Self.number(10, $0) }).count == shas.count)
    }
}
