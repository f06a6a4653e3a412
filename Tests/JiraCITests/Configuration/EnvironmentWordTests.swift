import Testing

@testable import JiraCI

struct EnvironmentWordTests {
    @Test func typesAreTheAPIsWordsWithASuggestion() throws {
        #expect(try EnvironmentType.parse(" Production ") == .production)
        #expect(StateWordTests.refusal { try EnvironmentType.parse("prod") }?.suggestion == "production")
        #expect(StateWordTests.refusal { try EnvironmentType.parse("stagng") }?.suggestion == "staging")
        #expect(StateWordTests.refusal { try EnvironmentType.parse("qa") }?.suggestion == nil)
    }

    @Test(arguments: [
        ("prodution", "prodution", "production"),
        ("eu-prodution-2", "prodution", "production"),
        ("Stagingg", "stagingg", "staging"),
        ("developement", "developement", "development"),
    ])
    func likelyTyposAreFound(name: String, word: String, suggestion: String) throws {
        let typo = try #require(EnvironmentType.likelyTypo(inName: name))
        #expect(typo.word == word && typo.suggestion == suggestion)
    }

    @Test(arguments: ["production", "prod-eu", "eu-1", "qa", "dev", "sandbox", "products-x", "", "日本"])
    func realWordsAndShortOnesAreNoTypos(name: String) {
        #expect(EnvironmentType.likelyTypo(inName: name) == nil)
    }

    @Test(arguments: [
        ("prodution", ["production", "staging"], "production" as String?),
        ("PRODUTION", ["production"], "production"),
        ("se", ["server", "cloud"], "server"),
        ("clo", ["server", "cloud"], "cloud"),
        ("x", ["x", "xy"], nil),
        ("zz", ["ab"], nil),
        ("abc", ["xyz"], nil),
        ("sucess", ["success", "successful"], "success"),
        ("", ["a"], nil),
    ])
    func nearestIsAPrefixOrWithinTwoEdits(word: String, words: [String], expected: String?) {
        #expect(Suggestion.nearest(to: word, in: words) == expected)
    }

    @Test func editDistanceIsLevenshtein() {
        #expect(Suggestion.editDistance("", "") == 0)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("flaw", "lawn") == 2)
        #expect(Suggestion.editDistance("é", "e") == 1)
        var random = SplitMix64(seed: 0xED17)
        for _ in 0..<300 {
            let a = random.ascii(Int.random(in: 0...8, using: &random))
            let b = random.ascii(Int.random(in: 0...8, using: &random))
            let distance = Suggestion.editDistance(a, b)
            #expect(distance == Suggestion.editDistance(b, a))
            #expect(distance <= max(a.count, b.count) && distance >= abs(a.count - b.count))
            #expect((distance == 0) == (a == b))
        }
    }
}
