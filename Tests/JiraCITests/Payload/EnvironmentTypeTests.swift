import Testing

@testable import JiraCI

struct EnvironmentTypeTests {
    @Test(arguments: [
        ("production", EnvironmentType.production), ("prod-eu", .production), ("EU-Prod2", .production),
        ("live", .production),
        ("prd", .production), ("staging", .staging), ("stg-1", .staging), ("preprod", .staging), ("stage", .staging),
        ("qa", .testing), ("UAT", .testing), ("integration", .testing), ("sit", .testing), ("test-us", .testing),
        ("dev", .development), ("sandbox", .development), ("development", .development),
        ("productive-sandbox", .development), ("eu-west", .unmapped), ("products", .unmapped), ("prodigy", .unmapped),
    ])
    func inferredFromWords(name: String, type: EnvironmentType) {
        #expect(EnvironmentType.inferred(fromName: name) == type)
    }

    @Test func mapRulesWinOverWords() throws {
        let map = try EnvironmentTypeMap(parsing: "eu-*=production, *-preview=testing")
        #expect(EnvironmentType.inferred(fromName: "EU-West", map: map) == .production)
        #expect(EnvironmentType.inferred(fromName: "prod-preview", map: map) == .testing)
        #expect(EnvironmentType.inferred(fromName: "dev", map: map) == .development)
    }

    @Test func mapRulesAreValidated() {
        #expect(throws: EnvironmentTypeMap.ParseError.unknownType(rule: "x=prod", type: "prod")) {
            try EnvironmentTypeMap(parsing: "x=prod")
        }
        #expect(throws: EnvironmentTypeMap.ParseError.malformedRule("production")) {
            try EnvironmentTypeMap(parsing: "production")
        }
    }
}
