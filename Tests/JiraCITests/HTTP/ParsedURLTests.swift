import Testing

@testable import JiraCI

/// URLs as libcurl will use them: which host it connects to decides whether plain http is allowed.
struct ParsedURLTests {
    @Test(arguments: [
        "http://localhost:8080",
        "http://LOCALHOST/",
        "http://127.0.0.1",
        "http://127.0.0.1:9/x",
        "http://127.255.255.254/",
        "http://127.1/",  // libcurl normalizes to 127.0.0.1
        "http://0x7f.1/",
        "http://[::1]:9/",
    ])
    func loopbackHosts(url: String) throws {
        let parsed = try #require(ParsedURL(url))
        #expect(parsed.isLoopback, "\(url) → host \(parsed.host)")
        #expect(!parsed.isInsecure(allowingHTTP: false))
    }

    @Test(arguments: [
        "http://evil.example.com#@127.0.0.1/",
        "http://evil.example.com?@127.0.0.1/",
        "http://127.evil.example.com/",
        "http://jira.localhost/",
        "http://localhost.evil.example.com/",
        "http://[::ffff:127.0.0.1]/",
        "http://127.0.0.1.nip.io/",
        "http://128.0.0.1/",
        "http://10.0.0.1/",
        "http://[::2]/",
        "http://0.0.0.0/",
    ])
    func hostsThatOnlyLookLocal(url: String) {
        guard let parsed = ParsedURL(url) else { return }  // refused outright is just as safe
        #expect(!parsed.isLoopback, "\(url) → host \(parsed.host)")
        #expect(parsed.isInsecure(allowingHTTP: false))
        #expect(!parsed.isInsecure(allowingHTTP: true))
    }

    @Test func theHostIsTheOneLibcurlConnectsTo() throws {
        #expect(try #require(ParsedURL("http://evil.example.com#@127.0.0.1/")).host == "evil.example.com")
        #expect(try #require(ParsedURL("http://user@evil.example.com:81/@127.0.0.1")).host == "evil.example.com")
        // A backslash is no path separator to libcurl (unlike browsers): the host really is 127.0.0.1.
        let backslash = try #require(ParsedURL("http://evil.example.com\\@127.0.0.1/"))
        #expect(backslash.host == "127.0.0.1" && backslash.hasCredentials)
        let parsed = try #require(ParsedURL("HTTPS://Jira.Example.COM:8443/jira/rest?a=1&b=2#frag"))
        #expect(parsed.scheme == "https" && parsed.host == "jira.example.com" && parsed.port == 8443)
        #expect(parsed.path == "/jira/rest" && parsed.query == "a=1&b=2")
        #expect(parsed.origin == "https://jira.example.com:8443")
        #expect(try #require(ParsedURL("https://jira.example.com")).path == "/")
        #expect(try #require(ParsedURL("https://jira.example.com")).origin == "https://jira.example.com")
    }

    @Test(arguments: [
        ("https://bob:pw@jira.example.com/", true),
        ("https://bob@jira.example.com/", true),
        ("https://:pw@jira.example.com/", true),
        ("https://jira.example.com/a@b", false),
        ("https://jira.example.com/?u=bob:pw@x", false),
        ("https://jira.example.com/", false),
    ])
    func credentialsInTheURLAreNoticed(url: String, hasCredentials: Bool) throws {
        #expect(try #require(ParsedURL(url)).hasCredentials == hasCredentials)
    }

    @Test(arguments: [
        ("https://jira.example.com", false, false),
        ("https://jira.example.com", true, false),
        ("http://jira.example.com", false, true),
        ("http://jira.example.com", true, false),
        ("http://localhost:8080", false, false),
        ("http://127.0.0.1", false, false),
    ])
    func plainHTTPIsInsecureOffLoopbackUnlessAllowed(url: String, allowing: Bool, insecure: Bool) throws {
        #expect(try #require(ParsedURL(url)).isInsecure(allowingHTTP: allowing) == insecure)
    }

    @Test(arguments: [
        "", "jira.example.com", "ftp://jira.example.com/", "file:///etc/passwd", "https://", "//jira.example.com/",
        "gopher://127.0.0.1/", "ldap://127.0.0.1/",
    ])
    func onlyAbsoluteHTTPURLsParse(url: String) {
        #expect(ParsedURL(url) == nil)
    }

    @Test func randomTextNeverTrapsAndWhatParsesIsHTTP() {
        var random = SplitMix64(seed: 0x0C17)
        let pieces = [
            "http://", "https://", "HTTP://", "127.0.0.1", "[::1]", "localhost", "@", ":", "8080", "/", "#", "?", "%",
            "bob",
            ".", "é", "[", "]", "0x7f", "99999999999", " ", "\\",
        ]
        for round in 0..<3000 {
            let text =
                round % 3 == 0
                ? random.ascii(Int.random(in: 0...40, using: &random))
                : (0..<Int.random(in: 1...8, using: &random)).map { _ in random.pick(pieces) }.joined()
            guard let parsed = ParsedURL(text) else { continue }
            #expect(parsed.scheme == "http" || parsed.scheme == "https", "\(text)")
            #expect(!parsed.host.isEmpty && parsed.path.hasPrefix("/"), "\(text)")
            if parsed.isLoopback {
                #expect(
                    parsed.host == "localhost" || parsed.host == "[::1]" || parsed.host.hasPrefix("127."), "\(text)")
            }
        }
    }
}
