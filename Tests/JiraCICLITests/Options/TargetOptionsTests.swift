import ArgumentParser
import JiraCI
import Testing

@testable import JiraCICLI

/// Which Jira a site and a credential mean, when `--flavor` does not say.
struct TargetOptionsTests {
    static func target(_ arguments: [String], environment: [String: String] = [:]) throws -> JiraTarget {
        let options = try JiraOptions.parse(arguments)
        return try options.target.target(SettingsSource(environment: environment), credentials: options.credentials)
            .target
    }

    @Test(arguments: [
        (["--jira-url", "https://acme.atlassian.net"], [String: String](), JiraFlavor.cloud),
        (["--jira-url", "https://ACME.atlassian.net./"], [:], .cloud),
        (["--jira-url", "https://old.jira.com"], [:], .cloud),
        (["--jira-url", "https://jira.example.com"], ["JIRA_PAT": "p"], .server),
        (["--jira-url", "https://jira.example.com"], [:], .server),
        (["--jira-url", "https://jira.example.com", "--client-id", "c"], [:], .cloud),
        (["--jira-url", "https://jira.example.com"], ["JIRA_CLIENT_ID": "c"], .cloud),
        (["--jira-url", "https://acme.atlassian.net", "--flavor", "server"], [:], .server),
        ([], [:], .cloud),
    ])
    func theFlavourFollowsTheSiteAndTheCredential(
        arguments: [String], environment: [String: String], expected: JiraFlavor
    ) throws {
        #expect(try Self.target(arguments, environment: environment).flavor == expected)
    }

    @Test func aCloudURLCopiedFromTheBrowserMeansTheSite() throws {
        let target = try Self.target(["--jira-url", "https://acme.atlassian.net/jira/software/projects/SHOP/boards/1"])
        #expect(target.siteURL == "https://acme.atlassian.net")
        let server = try Self.target(["--jira-url", "https://jira.example.com/jira/"], environment: ["JIRA_PAT": "p"])
        #expect(server.siteURL == "https://jira.example.com/jira")
    }

    @Test func aServerCredentialWithACloudSiteIsRefusedNamingWhatCloudTakes() {
        #expect(throws: ConfigurationError.self) {
            try Self.target(["--jira-url", "https://acme.atlassian.net"], environment: ["JIRA_PAT": "p"])
        }
    }
}
