import Testing

@testable import JiraCI

struct OAuth1BaseStringTests {
    /// The worked example of RFC 5849 section 3.4.1.1, an independent vector.
    @Test func matchesTheRFCExample() {
        let oauth = [
            ("oauth_consumer_key", "9djdj82h48djs9d2"), ("oauth_token", "kkk9d7dh3k39sjv7"),
            ("oauth_signature_method", "HMAC-SHA1"), ("oauth_timestamp", "137131201"), ("oauth_nonce", "7d8f3e4a"),
        ]
        let base = OAuth1Signer.baseString(
            method: "post", url: "http://EXAMPLE.COM:80/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
            parameters: oauth + FormEncoding.decode("c2&a3=2+q"))
        #expect(
            base
                == "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"
        )
    }

    @Test func urlsAreNormalized() {
        #expect(
            OAuth1Signer.normalizedURL("HTTPS://Jira.Example.com:443/jira/rest?x=1#frag").0
                == "https://jira.example.com/jira/rest")
        #expect(OAuth1Signer.normalizedURL("http://127.0.0.1:8080").0 == "http://127.0.0.1:8080/")
    }

    @Test func percentEncodingKeepsOnlyTheUnreservedSet() {
        #expect(PercentEncoding.encode("a-b._~ +/=é") == "a-b._~%20%2B%2F%3D%C3%A9")
    }
}
