import Testing

@testable import JiraCI

struct PayloadFactoryTests {
    static let factory = PayloadFactory(updateSequence: { 77 }, now: { 1_795_000_000_123_456 })

    static func context(keys: [String] = ["ABC-1"], name: String = "shop") -> PayloadFactory.Context {
        PayloadFactory.Context(
            keys: keys, commitSHA: "0123456789abcdef0123456789abcdef01234567", branch: "feature/ABC-1",
            repository: RepositoryLocation(remoteURL: "git@github.com:acme/shop.git"),
            pipelineId: "github.com/acme/shop",
            pipelineName: name, buildNumber: 42, buildURL: "https://ci.example.com/shop/42")
    }

    @Test func buildCarriesTheAPIsFields() {
        let made = Self.factory.build(
            BuildSettings(
                state: .successful,
                testInfo: .init(totalNumber: 3, numberPassed: 2, numberFailed: 1, numberSkipped: nil)),
            pipeline: PipelineSettings(label: "v1.2"), context: Self.context())
        let (build, adjustments) = (made.entity, made.adjustments)
        #expect(adjustments.isEmpty)
        #expect(build.schemaVersion == "1.0")
        #expect(build.buildNumber == 42)
        #expect(build.updateSequenceNumber == 77)
        #expect(build.displayName == "shop #42")
        #expect(build.lastUpdated == "2026-11-18T11:06:40.123Z")
        #expect(build.references?.count == 1)
        #expect(build.references?.first?.ref?.uri == "https://github.com/acme/shop/tree/feature/ABC-1")
        #expect(build.references?.first?.commit?.repositoryUri == "https://github.com/acme/shop")
    }

    @Test func longTextIsShortenedToTheLimits() {
        let long = String(repeating: "é", count: 300)
        let made = Self.factory.build(
            BuildSettings(state: .failed), pipeline: PipelineSettings(label: long, description: long),
            context: Self.context(name: long))
        let (build, adjustments) = (made.entity, made.adjustments)
        #expect(build.displayName.utf16.count == 255)
        #expect(build.label?.utf16.count == 255)
        #expect(build.description?.utf16.count == 255)
        #expect(build.description?.hasSuffix("…") == true)
        #expect(Set(adjustments.map(\.field)) == ["displayName", "label", "description"])
    }

    @Test func buildNamesUpTo500IssuesByAssociationNotTheDeprecatedField() throws {
        let keys = (1...600).map { "K-\($0)" }
        let made = Self.factory.build(
            BuildSettings(state: .successful), pipeline: PipelineSettings(), context: Self.context(keys: keys))
        #expect(
            made.entity.associations == [Association(associationType: .issueIdOrKeys, values: Array(keys.prefix(500)))])
        #expect(made.entity.issueKeys == nil)
        #expect(made.dropped == Array(keys.dropFirst(500)))
        let json = try JSON.string(made.entity)
        #expect(!json.contains("\"issueKeys\"") && json.contains("\"associations\""))
    }

    /// What an older Jira, which does not know builds' associations, gets instead.
    @Test func aBuildInTheDeprecatedFieldKeepsItsFirst100Keys() throws {
        let keys = (1...130).map { "K-\($0)" }
        let (build, leftOut) = Sample.build(keys: keys).withIssueKeysField()
        #expect(build.issueKeys == Array(keys.prefix(100)) && build.associations == nil)
        #expect(leftOut == Array(keys.dropFirst(100)))
        #expect(build.keys == Array(keys.prefix(100)))
        let json = try JSON.string(build)
        #expect(json.contains("\"issueKeys\"") && !json.contains("\"associations\""))
    }

    /// Reports jira-ci 0.2 queued hold their keys in issueKeys: read, they name the same issues, and they are
    /// sent as they were queued.
    @Test func aBuildQueuedWithIssueKeysIsReadAsItWas() throws {
        let queued =
            #"{"schemaVersion":"1.0","pipelineId":"p","buildNumber":7,"updateSequenceNumber":1,"displayName":"p #7","url":"https://ci.example.com/7","state":"successful","lastUpdated":"2026-01-02T03:04:05.000Z","issueKeys":["ABC-1","ABC-2"]}"#
        let build = try JSON.decode(Build.self, from: Array(queued.utf8))
        #expect(build.keys == ["ABC-1", "ABC-2"] && build.associations == nil)
        #expect(ReportEntity.build(build).issueKeys == ["ABC-1", "ABC-2"])
        let sent = try JSON.decode(JSONValue.self, from: JSON.encode(build))
        #expect(sent == (try JSON.decode(JSONValue.self, from: Array(queued.utf8))))
    }

    @Test func deploymentUsesAssociationsNotTheDeprecatedField() throws {
        let settings = DeploymentSettings(
            environmentName: "Production EU", state: .successful, services: ["svc-1"], gate: true)
        let made = Self.factory.deployment(settings, pipeline: PipelineSettings(), context: Self.context())
        let deployment = made.entity
        #expect(made.dropped.isEmpty)
        #expect(deployment.associations.map(\.associationType) == [.issueIdOrKeys, .serviceIdOrKeys])
        #expect(deployment.environment.id == "production-eu_6c1605c2")
        #expect(deployment.environment.type == .production)
        #expect(deployment.deploymentSequenceNumber == 42)
        #expect(deployment.commands == [.initiateDeploymentGating])
        let json = try JSON.string(deployment)
        #expect(!json.contains("\"issueKeys\""))
    }

    @Test func associationValuesAreTrimmedToFiveHundredServicesFirst() {
        let keys = (1...500).map { "K-\($0)" }
        let settings = DeploymentSettings(environmentName: "qa", state: .successful, services: ["svc-1", "svc-2"])
        let made = Self.factory.deployment(settings, pipeline: PipelineSettings(), context: Self.context(keys: keys))
        #expect(made.entity.associations.flatMap(\.values).count == 500)
        #expect(made.entity.associations.last?.values == ["svc-1", "svc-2"])
        #expect(made.dropped == ["K-499", "K-500"])
    }

    @Test func longPipelineIdsStayDistinct() {
        let a = Identifiers.bounded(String(repeating: "a", count: 300) + "1", limit: 255)
        let b = Identifiers.bounded(String(repeating: "a", count: 300) + "2", limit: 255)
        #expect(a.count == 255 && b.count == 255 && a != b)
    }

    @Test func sequenceNumbersStrictlyIncrease() {
        let sequence = UpdateSequence()
        let numbers = (0..<1000).map { _ in sequence.next() }
        #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 })
    }
}
