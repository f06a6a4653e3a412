import Testing

@testable import JiraCI

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
        let pieces = [
            "a", "Z", " ", "é", Self.accented, "日本", "😀", Self.flag, Self.family, "\u{301}", "\u{200D}", "🇩", "👍🏽",
            "\r\n",
        ]
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
            #expect(
                Array(characters.prefix(kept.count)) == kept, "\(text.debugDescription) → \(short.debugDescription)")
            #expect(String(kept).utf16.count == kept.reduce(0) { $0 + $1.utf16.count })
            if kept.count < characters.count {
                #expect(String(kept).utf16.count + characters[kept.count].utf16.count + 1 > limit)
            }
            // No lone surrogate: the text converts to UTF-16 and back unchanged.
            #expect(String(decoding: Array(short.utf16), as: UTF16.self) == short)
        }
    }
}
