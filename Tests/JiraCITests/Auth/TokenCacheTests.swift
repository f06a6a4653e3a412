import Testing

@testable import JiraCI

struct TokenCacheTests {
    @Test func tokensAreUsedUntilAMinuteBeforeExpiryAndCorruptFilesAreIgnored() throws {
        let directory = "/tmp/jira-ci-cache-test-\(WallClock.microsecondsSinceEpoch())"
        let cache = TokenCache(directory: directory)
        let token = TokenCache.CachedToken(accessToken: "t", expiresAt: 1000, clientId: "id", apiURL: "https://api")
        cache.store(token)
        #expect(cache.token(clientId: "id", apiURL: "https://api", now: 939) == token)
        #expect(cache.token(clientId: "id", apiURL: "https://api", now: 941) == nil)
        #expect(cache.token(clientId: "other", apiURL: "https://api", now: 0) == nil)
        try FileSystem.writeAtomically(Array("{oops".utf8), to: cache.tokenFile(clientId: "id", apiURL: "https://api"))
        #expect(cache.token(clientId: "id", apiURL: "https://api", now: 0) == nil)
    }
}
