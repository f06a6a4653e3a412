import Testing

@testable import JiraCI

struct RepositoryLocationTests {
    @Test(arguments: [
        ("https://github.com/acme/shop.git", "https://github.com/acme/shop", "github.com/acme/shop"),
        (
            "https://x-access-token:ghp_secret@github.com/acme/shop.git", "https://github.com/acme/shop",
            "github.com/acme/shop"
        ),
        ("git@github.com:acme/shop.git", "https://github.com/acme/shop", "github.com/acme/shop"),
        (
            "ssh://git@bitbucket.example.com:7999/proj/repo.git", "https://bitbucket.example.com/proj/repo",
            "bitbucket.example.com/proj/repo"
        ),
        ("https://user:pw@GitLab.com/group/sub/repo", "https://gitlab.com/group/sub/repo", "gitlab.com/group/sub/repo"),
    ])
    func credentialsAreStrippedAndFormsAgree(remote: String, web: String, identity: String) throws {
        let location = try #require(RepositoryLocation(remoteURL: remote))
        #expect(location.webURL == web)
        #expect(location.identity == identity)
        #expect(!location.webURL.contains("secret") && !location.webURL.contains("pw@"))
    }

    @Test func localPathsAreNoLocation() {
        #expect(RepositoryLocation(remoteURL: "/srv/git/shop.git") == nil)
    }

    @Test func linksFollowTheHostsScheme() throws {
        let github = try #require(RepositoryLocation(remoteURL: "git@github.com:acme/shop.git"))
        #expect(github.commitURL("abc") == "https://github.com/acme/shop/commit/abc")
        #expect(github.branchURL("feature/a b") == "https://github.com/acme/shop/tree/feature/a%20b")
        let gitlab = try #require(RepositoryLocation(remoteURL: "https://gitlab.com/g/r.git"))
        #expect(gitlab.commitURL("abc") == "https://gitlab.com/g/r/-/commit/abc")
    }
}
