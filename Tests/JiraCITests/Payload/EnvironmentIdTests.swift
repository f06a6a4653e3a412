import Testing

@testable import JiraCI

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
        let names = [
            "prod/eu-west", "prod-eu/west", "prod-eu-west", "prod eu west", "prod_eu_west", "prod--eu-west",
            "-prod-eu-west", "prod.eu.west", "prod-eu-west/", "prod-éu-west",
        ]
        #expect(Set(names.map(Self.id)).count == names.count, "\(names.map(Self.id))")
        #expect(Self.id("prod_eu") != Self.id("prod-eu"))
        #expect(Self.id("prod/eu-west").hasPrefix("prod-eu-west_"))
        #expect(Self.id("Production EU").hasPrefix("production-eu_"))
    }

    /// Pinned (the hashes are FNV-1a of the lower-cased name's UTF-8, worked out apart from jira-ci): a release
    /// that changed them would split every such environment in Jira in two. `本番`'s is its id in jira-ci 0.2.
    @Test(arguments: [
        ("prod/eu-west", "prod-eu-west_da2b6c65"), ("prod-eu/west", "prod-eu-west_9596074d"),
        ("Production EU", "production-eu_6c1605c2"),
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
        let pieces = [
            "a", "B", "z", "Q", "0", "7", "-", "--", "_", "/", ".", " ", "~", "#", "é", "É", "e\u{301}", "ß", "Ω", "ω",
            "Я", "本", "😀", "\u{0}", "prod", "PROD", "eu", "west",
        ]
        var names: [String: String] = [:]  // id → the name lower-cased that had it first
        for round in 0..<6000 {
            let length =
                round % 100 == 0 ? Int.random(in: 80...200, using: &random) : Int.random(in: 1...8, using: &random)
            let name = (0..<length).map { _ in random.pick(pieces) }.joined()
            let id = Self.id(name)
            #expect(
                PathSafeIdentifierTests.isUnreserved(id) && !id.isEmpty && id.utf8.count <= FieldLimits.text,
                "\(name.debugDescription) → \(id)")
            #expect(Self.id(name) == id)
            #expect(Self.id(Self.caseVariant(of: name, &random)) == id, "\(name.debugDescription)")
            let lowered = name.lowercased()
            if let other = names[id], other != lowered {
                Issue.record("\(name.debugDescription) and \(other.debugDescription) both became \(id)")
            }
            names[id] = lowered
            let plain =
                lowered.utf8.allSatisfy { ASCII.isLowercase($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "-") }
                && !lowered.hasPrefix("-") && !lowered.hasSuffix("-") && !lowered.contains("--")
            if plain && lowered.utf8.count <= FieldLimits.text { #expect(id == lowered) }
        }
        #expect(names.count > 3000)
    }
}
