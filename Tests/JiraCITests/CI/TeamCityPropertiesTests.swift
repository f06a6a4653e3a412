import Testing

@testable import JiraCI

/// TeamCity's build properties file, and the CI facts that need decoding.
struct TeamCityPropertiesTests {
    @Test func readsKeysValuesCommentsAndEscapes() {
        let text = """
            #Sun Nov 23 12:00:00 UTC 2025
            ! another comment
            teamcity.build.id=123

            teamcity.buildConfName = Shop CI
            key\\:with\\=escapes = v
            colon.separated: value: with colon
            path=C\\:\\\\agent\\\\work
            empty=
            \tindented.key=indented value\t
            no.separator
            """
        let properties = TeamCity.properties(text)
        #expect(properties[TeamCity.buildIdProperty] == "123")
        #expect(properties["teamcity.buildConfName"] == "Shop CI")
        #expect(properties["key:with=escapes"] == "v")
        #expect(properties["colon.separated"] == "value: with colon")
        #expect(properties[#"path"#] == #"C:\agent\work"#)
        #expect(properties["empty"] == "")
        #expect(properties["indented.key"] == "indented value")
        #expect(properties["no.separator"] == "")
        #expect(properties.keys.allSatisfy { !$0.hasPrefix("#") && !$0.hasPrefix("!") && !$0.isEmpty })
    }

    @Test func windowsLineEndingsAndBlankLinesAreSkipped() {
        let properties = TeamCity.properties("a=1\r\n\r\nb=2\r\n   \r\n")
        #expect(properties == ["a": "1", "b": "2"])
    }

    @Test func randomTextNeverTraps() {
        var random = SplitMix64(seed: 0x7C)
        let pieces = ["=", ":", "\\", "\n", "\r\n", "#", "!", " ", "\t", "key", "value", "é", "\\u0041"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...20, using: &random)).map { _ in random.pick(pieces) }.joined()
            for (key, value) in TeamCity.properties(text) {
                #expect(key == key.trimmed && value == value.trimmed)
            }
        }
    }

    static func facts(_ environment: [String: String]) -> [Variable: DetectedCI.Fact] {
        CIDetector.detect(environment)?.facts ?? [:]
    }

    @Test func aTextBuildNumberGivesWayToTheNumericBuildId() {
        let facts = Self.facts([
            "TEAMCITY_VERSION": "2024.12", "BUILD_NUMBER": "1.2-rc", TeamCity.buildIdProperty: "4711",
            "TEAMCITY_BUILDCONF_NAME": "Shop", "BUILD_VCS_NUMBER": "abc123",
        ])
        #expect(facts[.buildNumber] == .init(value: "4711", variable: TeamCity.buildIdProperty))
        #expect(facts[.pipelineName]?.value == "Shop")
        #expect(facts[.commit]?.value == "abc123")
    }

    @Test func aNumericBuildNumberWins() {
        let facts = Self.facts(["TEAMCITY_VERSION": "2024.12", "BUILD_NUMBER": "42", TeamCity.buildIdProperty: "4711"])
        #expect(facts[.buildNumber] == .init(value: "42", variable: "BUILD_NUMBER"))
    }

    @Test func neitherNumericGivesNoBuildNumber() {
        let facts = Self.facts([
            "TEAMCITY_VERSION": "2024.12", "BUILD_NUMBER": "1.2-rc", TeamCity.buildIdProperty: "id-1",
        ])
        #expect(facts[.buildNumber] == nil)
    }

    @Test func thePropertiesFileFeedsTheDetector() {
        var environment = ["TEAMCITY_VERSION": "2024.12", "BUILD_NUMBER": "nightly"]
        environment.merge(TeamCity.properties("teamcity.build.id=99\n")) { current, _ in current }
        #expect(Self.facts(environment)[.buildNumber]?.value == "99")
    }
}
