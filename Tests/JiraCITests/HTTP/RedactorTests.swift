import FoundationEssentials
import Testing

@testable import JiraCI

/// What traces and messages show of secrets: never the secret, in whatever form it travelled.
struct RedactorTests {
    @Test func hidesKnownSecretsSensitiveFieldsAndHeaders() {
        let redactor = Redactor(secrets: ["s3cr3t-value"])
        redactor.add("tok-123456")
        let text = #"{"client_secret" : "whatever\"x", "access_token":"abc", "other":"s3cr3t-value tok-123456"}"#
        let redacted = redactor.redact(text)
        #expect(redacted == #"{"client_secret" : "***", "access_token":"***", "other":"*** ***"}"#)
        #expect(redactor.redact("oauth_token=abcd&x=1") == "oauth_token=***&x=1")
        #expect(redactor.header(name: "authorization", value: "Bearer x") == "***")
        #expect(redactor.header(name: "Content-Type", value: "application/json") == "application/json")
        #expect("\(Secret("pw"))" == "***")
        #expect(String(reflecting: Secret("pw")) == "***")
    }

    @Test(arguments: ["Authorization", "authorization", "PROXY-AUTHORIZATION", "Cookie", "Set-Cookie"])
    func sensitiveHeadersAreMaskedWhole(name: String) {
        #expect(Redactor().header(name: name, value: "Basic Ym9iOnB3") == "***")
    }

    @Test func otherHeadersOnlyLoseKnownSecrets() {
        let redactor = Redactor(secrets: ["abc123"])
        #expect(redactor.header(name: "X-Trace", value: "id abc123 end") == "id *** end")
        #expect(redactor.header(name: "X-Trace", value: "nothing secret") == "nothing secret")
    }

    /// A secret with characters that JSON and URLs write differently.
    static let awkward = #"p"a/s\s wörd"#

    @Test(arguments: [
        #"p"a/s\s wörd"#,  // raw
        "p%22a%2Fs%5Cs%20w%C3%B6rd",  // percent-encoded
        #"p\"a/s\\s wörd"#,  // JSON-escaped
        #"p\"a\/s\\s wörd"#,  // JSON-escaped with escaped slashes
    ])
    func secretsAreMaskedInEveryFormTheyTravelIn(form: String) {
        let redactor = Redactor(secrets: [Self.awkward])
        #expect(redactor.redact("before \(form) after", fields: false) == "before *** after")
    }

    @Test func secretsAreMaskedAsTheProjectsOwnEncodersWriteThem() throws {
        let redactor = Redactor(secrets: [Self.awkward, "line\nbreak\ttab"])
        let json = try JSON.string(["client_secret_copy": Self.awkward, "other": "line\nbreak\ttab"])
        let redactedJSON = redactor.redact(json, fields: false)
        #expect(!redactedJSON.contains("w\u{F6}rd") && !redactedJSON.contains("break"))
        // Foundation's default encoder escapes slashes.
        let escaped = String(decoding: try JSONEncoder().encode(["x": Self.awkward]), as: UTF8.self)
        #expect(escaped.contains(#"\/"#))
        #expect(redactor.redact(escaped, fields: false) == #"{"x":"***"}"#)
        let form = FormEncoding.encode([("password", Self.awkward)])
        #expect(redactor.redact(form, fields: false) == "password=***")
    }

    @Test func overlappingSecretsMaskTheirUnion() {
        let redactor = Redactor(secrets: ["abcd", "bcdef"])
        #expect(redactor.redact("xabcdefy", fields: false) == "x***y")
        #expect(redactor.redact("abcd bcdef", fields: false) == "*** ***")
        #expect(redactor.redact("abcdabcd", fields: false) == "***")
        // One secret inside another.
        let nested = Redactor(secrets: ["secret", "cre"])
        #expect(nested.redact("a secret and a cre", fields: false) == "a *** and a ***")
    }

    @Test(arguments: [
        (#"{"access_token":"eyJ0eXAi"}"#, #"{"access_token":"***"}"#),
        (#"{"refresh_token" : "r1", "n": 1}"#, #"{"refresh_token" : "***", "n": 1}"#),
        (#"{"password":"p\"w\\"}"#, #"{"password":"***"}"#),
        (#"{"token":""}"#, #"{"token":""}"#),
        (#"{"private_key":"-----BEGIN PRIVATE KEY-----\nMIIC"}"#, #"{"private_key":"***"}"#),
        (#"{"token": 5}"#, #"{"token": 5}"#),
        (
            #"{"id_token":"a","oauth_token_secret":"b","x":"c"}"#,
            #"{"id_token":"***","oauth_token_secret":"***","x":"c"}"#
        ),
        ("client_secret=abc&grant_type=x", "client_secret=***&grant_type=x"),
        (
            "oauth_token=t1, oauth_verifier=v2; oauth_signature=s3",
            "oauth_token=***, oauth_verifier=***; oauth_signature=***"
        ),
        ("password=hunter2\nnext line", "password=***\nnext line"),
        // A field name inside another word is no field.
        ("my_token=abc", "my_token=abc"),
        ("notapassword=abc", "notapassword=abc"),
        ("token=", "token="),
        ("nothing sensitive here", "nothing sensitive here"),
    ])
    func sensitiveFieldsAndParametersAreMasked(text: String, expected: String) {
        #expect(Redactor().redact(text, fields: true) == expected)
    }

    @Test func withoutFieldsOnlyKnownSecretsAreMasked() {
        let redactor = Redactor(secrets: ["known-secret"])
        let text = #"{"access_token":"eyJ0eXAi","x":"known-secret"} password=hunter2"#
        #expect(redactor.redact(text, fields: false) == #"{"access_token":"eyJ0eXAi","x":"***"} password=hunter2"#)
        #expect(redactor.redact(text) == #"{"access_token":"***","x":"***"} password=***"#)
    }

    @Test func aSecretAddedLaterIsMaskedFromThenOn() {
        let redactor = Redactor()
        #expect(redactor.redact("token is tok-987654", fields: false) == "token is tok-987654")
        redactor.add("tok-987654")
        #expect(redactor.redact("token is tok-987654", fields: false) == "token is ***")
        redactor.add("tok-987654")
        redactor.add("")
        #expect(redactor.redact("tok-987654 and tok-987654", fields: false) == "*** and ***")
        // An empty secret would mask everything; it is ignored.
        #expect(Redactor(secrets: [""]).redact("text", fields: false) == "text")
    }

    @Test func bytesThatAreNotUTF8AreRedactedToo() {
        let redactor = Redactor(secrets: ["s3cr3t"])
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("s3cr3t".utf8) + [0xC3]
        #expect(redactor.redact(bytes: bytes, fields: false) == [0xFF, 0xFE] + Array("***".utf8) + [0xC3])
    }

    // MARK: properties

    static let secretAlphabet = Array(#"abcdefXYZ0129-_./\" é😀%+"#)

    static func randomSecret(_ random: inout SplitMix64) -> String {
        String((0..<Int.random(in: 1...10, using: &random)).map { _ in random.pick(secretAlphabet) })
    }

    /// Every form of `secret` the redactor promises to catch.
    static func forms(of secret: String) -> [String] {
        [
            secret, PercentEncoding.encode(secret), Redactor.jsonEscaped(secret, slashes: false),
            Redactor.jsonEscaped(secret, slashes: true),
        ]
    }

    @Test func noSecretSurvivesInAnyForm() throws {
        var random = SplitMix64(seed: 0x5EC2E7)
        for _ in 0..<180 {
            let secrets = (0..<Int.random(in: 1...4, using: &random)).map { _ in Self.randomSecret(&random) }
            let redactor = Redactor(secrets: Array(secrets.prefix(2)))
            secrets.dropFirst(2).forEach(redactor.add)
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                text +=
                    random.chance(0.5)
                    ? random.unicode(Int.random(in: 0...12, using: &random))
                    : random.pick(Self.forms(of: random.pick(secrets)))
            }
            for fields in [true, false] {
                let output = redactor.redact(text, fields: fields)
                for secret in secrets {
                    for form in Self.forms(of: secret) {
                        #expect(
                            !output.containsBytes(of: form),
                            "\(secret.debugDescription) as \(form.debugDescription) in \(text.debugDescription)")
                    }
                }
            }
        }
    }

    @Test func textWithoutSecretsOrFieldsIsUnchanged() {
        var random = SplitMix64(seed: 0xC1EA)
        var checked = 0
        for _ in 0..<180 {
            let secrets = (0..<3).map { _ in Self.randomSecret(&random) }
            let text = random.unicode(Int.random(in: 0...80, using: &random))
            let hasSecret = secrets.contains { secret in Self.forms(of: secret).contains { text.containsBytes(of: $0) }
            }
            let hasField = Redactor.sensitiveFields.contains {
                text.containsBytes(of: "\"\($0)\"") || text.containsBytes(of: "\($0)=")
            }
            guard !hasSecret && !hasField else { continue }
            checked += 1
            let redactor = Redactor(secrets: secrets)
            #expect(redactor.redact(text) == text)
            #expect(redactor.redact(bytes: Array(text.utf8)) == Array(text.utf8))
        }
        #expect(checked > 150)
    }

    @Test func maskedFieldValuesNeverLeakIntoTheOutput() throws {
        var random = SplitMix64(seed: 0xF1E1D)
        let redactor = Redactor()
        for _ in 0..<300 {
            let field = random.pick(Redactor.sensitiveFields)
            let value = "V" + random.ascii(Int.random(in: 4...20, using: &random)).filter { $0 != "*" } + "Q"
            let json = try JSON.string([field: value, "other": "visible"])
            let output = redactor.redact(json)
            #expect(!output.contains(try JSON.string(value).dropFirst().dropLast()), "\(json)")
            #expect(output.contains("visible"))
        }
    }

    // MARK: adversarial sizes (linear time is the benchmark's business; here they must just finish correctly)

    @Test func aMegabyteOfNearMissesIsMaskedCorrectly() {
        let redactor = Redactor(secrets: ["aaab"])
        let text = String(repeating: "a", count: 1 << 20) + "b"
        let output = redactor.redact(text, fields: false)
        #expect(output == String(repeating: "a", count: (1 << 20) - 3) + "***")
    }

    @Test func aMegabyteOfRepeatedFieldPrefixesIsMaskedCorrectly() {
        let prefix = #""token":""#
        let count = (1 << 20) / prefix.utf8.count
        let text = String(repeating: prefix, count: count) + #"secret-value""#
        let output = Redactor().redact(text)
        #expect(!output.contains("secret-value"))
        #expect(output.hasSuffix(#""***""#))
        let parameters = String(repeating: "token=", count: (1 << 18) / 6) + "value"
        #expect(Redactor().redact(parameters).hasSuffix("token=***"))
    }

    // MARK: the automaton itself

    /// Every occurrence the automaton reports is one a naive search finds, and none is missed: random patterns
    /// over a small alphabet, so prefixes, suffixes and nesting are the rule, not the exception.
    @Test func theAutomatonFindsExactlyWhatANaiveSearchFinds() {
        var random = SplitMix64(seed: 0xAC0)
        let alphabet: [UInt8] = Array("abca".utf8) + [0x00, 0xFF]
        for _ in 0..<300 {
            let patterns = (0..<Int.random(in: 1...8, using: &random)).map { _ in
                (0..<Int.random(in: 1...5, using: &random)).map { _ in random.pick(alphabet) }
            }
            let text = (0..<Int.random(in: 0...60, using: &random)).map { _ in random.pick(alphabet) }
            let automaton = PatternAutomaton(patterns.map { ($0, .secret) })
            var found: [String] = []
            automaton.scan(text) { end, pattern in found.append("\(end - pattern.length)+\(pattern.length)") }
            var expected: [String] = []
            for start in text.indices {
                for pattern in Set(patterns) where text[start...].starts(with: pattern) {
                    expected.append("\(start)+\(pattern.count)")
                }
            }
            #expect(found.sorted() == expected.sorted(), "\(patterns) in \(text)")
        }
    }

    /// Memory follows the secrets' length, not 256 slots per byte: a 16 KiB token and a private key's lines
    /// cost tens of bytes per byte at most.
    @Test func theAutomatonGrowsWithThePatternsNotTheAlphabet() {
        var random = SplitMix64(seed: 0x10C)
        let token = random.ascii(16 * 1024)
        let automaton = PatternAutomaton([(Array(token.utf8), .secret)])
        #expect(automaton.footprint < 40 * token.utf8.count)
        let redactor = Redactor(secrets: [token])
        #expect(redactor.redact("a \(token) b", fields: false) == "a *** b")
    }
}
