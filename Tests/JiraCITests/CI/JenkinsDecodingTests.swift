import Testing

@testable import JiraCI

struct JenkinsDecodingTests {
    @Test func multibranchJobNamesAndBranchesAreDecoded() {
        let facts = TeamCityPropertiesTests.facts([
            "JENKINS_URL": "https://ci/", "JOB_NAME": "shop/feature%2FABC-1", "BRANCH_NAME": "feature%2FABC-1",
            "BUILD_NUMBER": "3",
        ])
        #expect(facts[.pipelineName] == .init(value: "shop/feature/ABC-1", variable: "JOB_NAME"))
        #expect(facts[.branch] == .init(value: "feature/ABC-1", variable: "BRANCH_NAME"))
        #expect(facts[.buildNumber]?.value == "3")
    }

    @Test(arguments: [
        ("feature%2FABC-1", "feature/ABC-1"),
        ("a%20b", "a b"),
        ("100%", "100%"),
        ("%zz", "%zz"),
        ("%2", "%2"),
        ("%C3%A9", "é"),
        ("plain", "plain"),
    ])
    func percentDecodingKeepsMalformedEscapes(text: String, decoded: String) {
        #expect(PercentEncoding.decode(text) == decoded)
    }

    @Test func randomEscapesNeverTrap() {
        var random = SplitMix64(seed: 0x25)
        let pieces = ["%", "2", "F", "z", "%C3", "%A9", "%FF", "a", "/", "+", "-"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in random.pick(pieces) }.joined()
            let decoded = PercentEncoding.decode(text)
            if !text.contains("%") { #expect(decoded == text) }
            // Encoding then decoding gives the text back.
            #expect(PercentEncoding.decode(PercentEncoding.encode(text)) == text)
        }
    }

    @Test func whitespaceOnlyAndNullValuesAreUnset() {
        let facts = TeamCityPropertiesTests.facts([
            "JENKINS_URL": "x", "JOB_NAME": "  ", "BUILD_NUMBER": "null", "GIT_COMMIT": " abc ",
        ])
        #expect(facts[.pipelineName] == nil && facts[.buildNumber] == nil)
        #expect(facts[.commit]?.value == "abc")
    }
}
