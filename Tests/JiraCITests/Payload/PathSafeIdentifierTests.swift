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
            let length =
                round % 50 == 0 ? Int.random(in: 200...700, using: &random) : Int.random(in: 0...30, using: &random)
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
