import Testing

@testable import JiraCI

struct TokenLifetimeTests {
    @Test(arguments: [
        (JSONValue.integer(3600), 3600.0),
        (.integer(60), 60),
        (.number(1.5), 1.5),
        (.integer(86_400), 86_400),
        (.integer(10_000_000), 86_400),
        (.integer(.max), 86_400),
        (.number(.greatestFiniteMagnitude), 86_400),
        (.integer(0), 3600),
        (.integer(-5), 3600),
        (.integer(.min), 3600),
        (.number(-0.0), 3600),
        (.string("3600"), 3600),
        (.null, 3600),
        (.bool(true), 3600),
        (.array([.integer(5)]), 3600),
    ])
    func expiresInIsBelievedWithinReason(value: JSONValue, seconds: Double) {
        #expect(AccessTokens.lifetime(value) == seconds)
    }

    @Test func noAnswerIsAnHour() {
        #expect(AccessTokens.lifetime(nil) == 3600)
        #expect(AccessTokens.lifetime(.number(.nan)) == 3600)
        #expect(AccessTokens.lifetime(.number(.infinity)) == 3600)
    }

    @Test func decodedTokenAnswersGiveASaneLifetime() {
        var random = SplitMix64(seed: 0x70CE)
        let values = [
            "3600", "-1", "0", "1e308", "1e400", "-1e400", "9223372036854775807", "9223372036854775808", "\"60\"",
            "null",
            "0.0001", "[]", "{}", "true",
        ]
        for _ in 0..<500 {
            let body = #"{"access_token":"t","expires_in":\#(random.pick(values))}"#
            let answer = try? JSON.decode(JSONValue.self, from: Array(body.utf8))
            let lifetime = AccessTokens.lifetime(answer?["expires_in"])
            #expect(lifetime.isFinite && lifetime > 0 && lifetime <= AccessTokens.longestLife, "\(body)")
        }
    }
}
