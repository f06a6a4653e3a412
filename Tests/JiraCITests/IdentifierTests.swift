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
}

/// Environment ids from names: Jira groups deployments by the id, so two names get one id exactly when they
/// differ in letter case alone.
struct EnvironmentIdTests {
    static func id(_ name: String) -> String { Identifiers.environmentId(name) }

    @Test(arguments: [
        ("production", "production"), ("Production", "production"), ("STAGING", "staging"), ("eu-west-1", "eu-west-1"),
        ("EU-West-1", "eu-west-1"), ("qa2", "qa2"), ("a", "a"), ("7", "7"),
    ])
    func namesOfLettersDigitsAndDashesKeepTheirIdLowerCased(name: String, id: String) {
        #expect(Self.id(name) == id)
    }

    @Test func namesThatSlugAlikeStayApart() {
        let names = ["prod/eu-west", "prod-eu/west", "prod-eu-west", "prod eu west", "prod_eu_west", "prod--eu-west",
                     "-prod-eu-west", "prod.eu.west", "prod-eu-west/", "prod-éu-west"]
        #expect(Set(names.map(Self.id)).count == names.count, "\(names.map(Self.id))")
        #expect(Self.id("prod_eu") != Self.id("prod-eu"))
        #expect(Self.id("prod/eu-west").hasPrefix("prod-eu-west_"))
        #expect(Self.id("Production EU").hasPrefix("production-eu_"))
    }

    /// Pinned (the hashes are FNV-1a of the lower-cased name's UTF-8, worked out apart from jira-ci): a release
    /// that changed them would split every such environment in Jira in two. `本番`'s is its id in jira-ci 0.2.
    @Test(arguments: [
        ("prod/eu-west", "prod-eu-west_da2b6c65"), ("prod-eu/west", "prod-eu-west_9596074d"), ("Production EU", "production-eu_6c1605c2"),
        ("本番", "env-438593bde48f85c5"),
    ])
    func idsAreStableAcrossReleases(name: String, id: String) {
        #expect(Self.id(name) == id)
    }

    @Test func lettersOfOtherScriptsAndComposedAccentsFollowTheSameRule() {
        #expect(Self.id("ПРОД/EU") == Self.id("прод/eu"))
        #expect(Self.id("Ärzte-Prod") == Self.id("ärzte-prod"))
        #expect(Self.id("e\u{301}tape") == Self.id("\u{e9}tape"))  // é as two code points or one
        #expect(Self.id("本番") != Self.id("本番環境"))
    }

    @Test func longNamesAreBoundedAndStayApart() {
        let plain = String(repeating: "a", count: 300)
        let spaced = String(repeating: "ab ", count: 120)
        for name in [plain, plain + "b", spaced, spaced + "x", spaced + "!"] {
            #expect(Self.id(name).utf8.count <= FieldLimits.text, "\(name)")
        }
        #expect(Set([plain, plain + "b", spaced, spaced + "x", spaced + "!"].map(Self.id)).count == 5)
    }

    /// A case variant of `name`: each character in upper or lower case where that changes nothing once
    /// lower-cased (`ß` upper-cases to `SS`, a different name lower-cased, so it stays).
    static func caseVariant(of name: String, _ random: inout SplitMix64) -> String {
        name.map { character -> String in
            let text = String(character)
            guard text.uppercased().lowercased() == text.lowercased() else { return text }
            return random.chance(0.5) ? text.uppercased() : text.lowercased()
        }.joined()
    }

    /// Random names from letters with and without case (in several scripts), digits, separators and combining
    /// marks: two get one id exactly when they are equal lower-cased, and every id is unreserved characters only,
    /// at most 255, the same on every call.
    @Test func distinctNamesNeverShareAnIdAndCaseVariantsAlwaysDo() {
        var random = SplitMix64(seed: 0xE1D)
        let pieces = ["a", "B", "z", "Q", "0", "7", "-", "--", "_", "/", ".", " ", "~", "#", "é", "É", "e\u{301}", "ß", "Ω", "ω",
                      "Я", "本", "😀", "\u{0}", "prod", "PROD", "eu", "west"]
        var names: [String: String] = [:]  // id → the name lower-cased that had it first
        for round in 0..<6000 {
            let length = round % 100 == 0 ? Int.random(in: 80...200, using: &random) : Int.random(in: 1...8, using: &random)
            let name = (0..<length).map { _ in random.pick(pieces) }.joined()
            let id = Self.id(name)
            #expect(PathSafeIdentifierTests.isUnreserved(id) && !id.isEmpty && id.utf8.count <= FieldLimits.text, "\(name.debugDescription) → \(id)")
            #expect(Self.id(name) == id)
            #expect(Self.id(Self.caseVariant(of: name, &random)) == id, "\(name.debugDescription)")
            let lowered = name.lowercased()
            if let other = names[id], other != lowered {
                Issue.record("\(name.debugDescription) and \(other.debugDescription) both became \(id)")
            }
            names[id] = lowered
            let plain = lowered.utf8.allSatisfy { ASCII.isLowercase($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "-") }
                && !lowered.hasPrefix("-") && !lowered.hasSuffix("-") && !lowered.contains("--")
            if plain && lowered.utf8.count <= FieldLimits.text { #expect(id == lowered) }
        }
        #expect(names.count > 3000)
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
