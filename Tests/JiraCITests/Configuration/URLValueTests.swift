import Testing

@testable import JiraCI

struct URLValueTests {
    @Test func siteURLsRefuseCredentialsWithoutEchoingThem() {
        for text in [
            "https://bob:pw@jira.example.com", "https://bob:pw@jira.example.com/jira/", "http://bob:pw@127.0.0.1:8080",
        ] {
            let error = StateWordTests.refusal { try SiteURL.parse(text) }
            #expect(error != nil, "\(text)")
            #expect(error?.shownInput?.contains("pw") == false, "\(text)")
            #expect(error?.shownInput?.contains("***@") == true, "\(text)")
            #expect(error.map { "\($0)".contains("pw") } == false)
        }
        #expect(
            StateWordTests.refusal { try SiteURL.parse("https://token@jira.example.com") }?.shownInput
                == "https://***@jira.example.com")
    }

    /// What `JIRA_URL=…` with a bad value prints (a CI log anyone may read).
    static func message(forJiraURL text: String) -> String {
        do {
            _ = try SettingsSource(environment: [:]).parse(text, .jiraURL, as: SiteURL.self)
            return ""
        } catch {
            return error.description
        }
    }

    @Test func theMessageForAURLWithCredentialsHidesThem() {
        let message = Self.message(forJiraURL: "https://bob:s3cr3t@jira.example.com")
        #expect(message.contains("https://***@jira.example.com") && !message.contains("s3cr3t"))
    }

    /// A password with a character that ends the authority (`/`, `?`, `#`) makes the URL unparseable; the
    /// message must still not show it.
    @Test(arguments: [
        "https://bob:s3cr/t@jira.example.com", "https://bob:s3cr#t@jira.example.com",
        "https://bob:s3cr?t@jira.example.com",
    ])
    func aPasswordThatBreaksTheURLIsNotEchoedEither(text: String) {
        let error = StateWordTests.refusal { try SiteURL.parse(text) }
        #expect(error != nil)
        #expect(error?.shownInput?.contains("s3cr") == false, "shown: \(error?.shownInput ?? "-")")
        let message = Self.message(forJiraURL: text)
        #expect(!message.isEmpty && !message.contains("s3cr"), "\(message)")
    }

    @Test func siteURLsLoseTrailingSlashesAndKeepTheirPath() throws {
        let site = try SiteURL.parse(" https://jira.example.com/jira/// ")
        #expect(site.text == "https://jira.example.com/jira")
        #expect(site.parsed.host == "jira.example.com")
    }

    @Test(arguments: [
        "", "jira.example.com", "/job/1", "job/1", "ftp://ci.example.com/x", "file:///etc/passwd", "mailto:a@b.c",
        "javascript:alert(1)", "https://", "http:// spaces .com/",
    ])
    func webURLsMustBeAbsoluteHTTP(text: String) {
        #expect(throws: ValueError.self) { try WebURL.parse(text) }
        #expect(throws: ValueError.self) { try SiteURL.parse(text) }
    }

    @Test func webURLsAreKeptAsGivenWithoutCredentials() throws {
        #expect(
            try WebURL.parse(" https://ci.example.com/job/shop/42/?x=1#y ").text
                == "https://ci.example.com/job/shop/42/?x=1#y")
        let refused = StateWordTests.refusal { try WebURL.parse("https://ci:tok@ci.example.com/job/1") }
        #expect(refused?.shownInput == "https://***@ci.example.com/job/1")
    }

    @Test(arguments: [
        ("https://acme.atlassian.net/jira/software/projects/X/boards/1", "https://acme.atlassian.net"),
        ("https://acme.atlassian.net", "https://acme.atlassian.net"),
        ("https://ACME.atlassian.net/", "https://acme.atlassian.net"),
        ("https://legacy.jira.com/browse/X-1", "https://legacy.jira.com"),
        // Jira Server keeps its context path.
        ("https://jira.example.com/jira", "https://jira.example.com/jira"),
        ("https://atlassian.net.evil.example.com/x", "https://atlassian.net.evil.example.com/x"),
    ])
    func aCloudSiteIsItsRoot(url: String, root: String) throws {
        #expect(JiraTarget.siteRoot(try SiteURL.parse(url)) == root)
    }

    @Test func targetsDropTrailingSlashes() {
        let target = JiraTarget(
            flavor: .server, siteURL: "https://jira.example.com/jira//", apiURL: "https://api.example.com/")
        #expect(target.siteURL == "https://jira.example.com/jira" && target.apiURL == "https://api.example.com")
        #expect(
            JiraTarget.isCloudHost("acme.atlassian.net") && !JiraTarget.isCloudHost("atlassian.net")
                && !JiraTarget.isCloudHost("evilatlassian.net"))
        // The root's trailing dot and capitals name the same host: a PAT must not be sent there as to a Server.
        #expect(
            JiraTarget.isCloudHost("ACME.Atlassian.NET.") && JiraTarget.isCloudHost("acme.jira.com.")
                && !JiraTarget.isCloudHost("atlassian.net."))
    }

    @Test func flavorsAreCloudOrServer() throws {
        #expect(try JiraFlavor.parse(" Cloud ") == .cloud)
        #expect(StateWordTests.refusal { try JiraFlavor.parse("sever") }?.suggestion == "server")
    }

    /// Everything before the last `@` is masked: a password may hold `/`, `?`, `#` or `@`, so no cheaper rule is
    /// safe. An `@` in a path costs some of the URL in the message, never a password.
    @Test func maskingCredentialsInMessages() {
        #expect(URLCredentials.masked("https://bob:pw@host/x") == "https://***@host/x")
        #expect(URLCredentials.masked("https://bob:p@ss@host/x") == "https://***@host/x")
        #expect(URLCredentials.masked("https://bob:s3cr/t#?@host/x") == "https://***@host/x")
        #expect(URLCredentials.masked("https://host/x@y") == "https://***@y")
        #expect(URLCredentials.masked("https://host/x") == "https://host/x")
        #expect(URLCredentials.masked("no scheme bob:pw@host") == "***@host")
    }
}
