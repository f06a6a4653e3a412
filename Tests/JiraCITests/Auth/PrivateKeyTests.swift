import Testing

@testable import JiraCI

/// The Jira Server application link's private key: what loads, what is refused with which explanation, and
/// that no refusal ever quotes the key.
struct PrivateKeyTests {
    // TEST-ONLY KEYS, generated for these tests with `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024`
    // (and its PKCS#1 and public forms, and a P-256 key). They protect nothing; never use them anywhere else.

    static let pkcs8 = """
        -----BEGIN PRIVATE KEY-----
        MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBALSAfmUMiW19BLlo
        RC/cmm+qS+KtGq7Gxxa4ZOI9F+GnESnehe4N6YI9Lx1kXdPSLc6DAEgykAqyjKwC
        YQ4raRrvSaYgci1AhAleqFiZpiS6OKcb9nArbD/gi6jgwNQrwiU79BpHocSeX0Dg
        mwuMJPWVdqMXgJ4tyMQrlScwY6wtAgMBAAECgYBYo2zuRGzMRoNmZQxvEH8KbO9c
        /jLHNzgXMS/hZazvk/I6xFqyn0RXP6J+ZYYp+eGisvQVgDb5+dpYscZlhe3Th3I1
        WgNTT49EQktandc2qriHRaRhH8DxXALNquz9CnrArhUK7V8YfNSYNaZnDRFkclPE
        V7prw7rrHymD3knRIQJBAOkos4bbVieB3ES3r+slo3d4MmteodRsGmX1AYzWMmcL
        Jh/1F6kwjK5GMB2o3og07SwD5z24iZUhwwJhQULosVkCQQDGLzpEsXw57XjW91dm
        omMZB2DXioIH+t0b7bPPgixtfsnnKBJDG7+YPVyQ6EJKOmU+RwClNEID7e2ZpIKJ
        oUL1AkBWZ7X4MQqBg5d8g9IWw5ELsiiFL8GrNhCmXiCf77UoCLKtPyfwlEReRTaJ
        l044jdyi5iNo9R1Pff6FwELuJ8upAkEApqyfd5hBHsK+JyQ7qECX0TvoUT3Wn/l2
        LX/bAoC69pd0HGkR+siCePnaOLBs19qGvTqfq1Do2D8o3VeCxVcPZQJAZh+7okQs
        +xhGhMhxYnZQBb1NsZHs4aF7POIF+p2nONPaczdMHck2mPepuRl7iXMsmjtpvW1A
        jho/6pnmGBYNHA==
        -----END PRIVATE KEY-----
        """

    static let pkcs1 = """
        -----BEGIN RSA PRIVATE KEY-----
        MIICXAIBAAKBgQC0gH5lDIltfQS5aEQv3JpvqkvirRquxscWuGTiPRfhpxEp3oXu
        DemCPS8dZF3T0i3OgwBIMpAKsoysAmEOK2ka70mmIHItQIQJXqhYmaYkujinG/Zw
        K2w/4Iuo4MDUK8IlO/QaR6HEnl9A4JsLjCT1lXajF4CeLcjEK5UnMGOsLQIDAQAB
        AoGAWKNs7kRszEaDZmUMbxB/CmzvXP4yxzc4FzEv4WWs75PyOsRasp9EVz+ifmWG
        KfnhorL0FYA2+fnaWLHGZYXt04dyNVoDU0+PREJLWp3XNqq4h0WkYR/A8VwCzars
        /Qp6wK4VCu1fGHzUmDWmZw0RZHJTxFe6a8O66x8pg95J0SECQQDpKLOG21YngdxE
        t6/rJaN3eDJrXqHUbBpl9QGM1jJnCyYf9RepMIyuRjAdqN6INO0sA+c9uImVIcMC
        YUFC6LFZAkEAxi86RLF8Oe141vdXZqJjGQdg14qCB/rdG+2zz4IsbX7J5ygSQxu/
        mD1ckOhCSjplPkcApTRCA+3tmaSCiaFC9QJAVme1+DEKgYOXfIPSFsORC7IohS/B
        qzYQpl4gn++1KAiyrT8n8JREXkU2iZdOOI3couYjaPUdT33+hcBC7ifLqQJBAKas
        n3eYQR7CvickO6hAl9E76FE91p/5di1/2wKAuvaXdBxpEfrIgnj52jiwbNfahr06
        n6tQ6Ng/KN1XgsVXD2UCQGYfu6JELPsYRoTIcWJ2UAW9TbGR7OGhezziBfqdpzjT
        2nM3TB3JNpj3qbkZe4lzLJo7ab1tQI4aP+qZ5hgWDRw=
        -----END RSA PRIVATE KEY-----
        """

    static let publicKey = """
        -----BEGIN PUBLIC KEY-----
        MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC0gH5lDIltfQS5aEQv3Jpvqkvi
        rRquxscWuGTiPRfhpxEp3oXuDemCPS8dZF3T0i3OgwBIMpAKsoysAmEOK2ka70mm
        IHItQIQJXqhYmaYkujinG/ZwK2w/4Iuo4MDUK8IlO/QaR6HEnl9A4JsLjCT1lXaj
        F4CeLcjEK5UnMGOsLQIDAQAB
        -----END PUBLIC KEY-----
        """

    static let ecKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgQwzCr6ubTuc59A49
        +rbcFqqDBKYslbVWLJr/rxr9Wr+hRANCAATovxfmcpwpbeU2xQ4fDu7BOYsz84+4
        AewkpQH50f20R+l23Jao2nTqLH9M2SGR8Z/QmBx6OPrG9MwPn4AIPIOz
        -----END PRIVATE KEY-----
        """

    /// The base64 lines of every key above: what no message may ever show.
    static let keyLines: [String] = [pkcs8, pkcs1, publicKey, ecKey].flatMap { pem in
        pem.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("-----") }
    }

    static func load(_ pem: String) -> Result<RSAPrivateKey, RSAPrivateKey.LoadError> {
        Result { () throws(RSAPrivateKey.LoadError) in try RSAPrivateKey(pem: pem) }
    }

    static func error(_ pem: String) -> RSAPrivateKey.LoadError? {
        if case .failure(let error) = load(pem) { return error }
        return nil
    }

    @Test(arguments: [pkcs8, pkcs1])
    func pkcs8AndPkcs1KeysLoadAndSign(pem: String) throws {
        let key = try RSAPrivateKey(pem: pem)
        #expect(key.bits == 1024)
        #expect(Set(key.lines).isSubset(of: Set(Self.keyLines)) && key.lines.count >= 10)
        let signature = try #require(key.signSHA1(Array("base string".utf8)))
        #expect(signature.count == 128)
        // PKCS #1 v1.5 is deterministic: the same key signs the same text alike, whichever PEM form it came in.
        #expect(try RSAPrivateKey(pem: Self.pkcs8).signSHA1(Array("base string".utf8)) == signature)
        #expect(key.signSHA1(Array("other".utf8)) != signature)
    }

    @Test func keysFromSecretStoresWithEscapedNewlinesLoad() throws {
        let escaped = Self.pkcs8.replacingAll("\n", with: "\\n")
        #expect(!escaped.contains("\n"))
        #expect(try RSAPrivateKey(pem: escaped).bits == 1024)
        #expect(try RSAPrivateKey(pem: "\n\n" + Self.pkcs1.replacingAll("\n", with: "\r\n") + "\r\n").bits == 1024)
    }

    @Test func refusalsSayWhatIsWrong() {
        #expect(Self.error(Self.publicKey) == .publicKeyOnly)
        #expect(Self.error(Self.ecKey) == .notRSA)
        #expect(Self.error("") == .notPEM)
        #expect(Self.error("just a password") == .notPEM)
        #expect(Self.error(Self.pkcs8.replacingAll("PRIVATE KEY", with: "ENCRYPTED PRIVATE KEY")) == .encrypted)
        #expect(
            Self.error(
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----"
            ) == .encrypted)
        if case .unreadable = Self.error("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----") {
        } else {
            Issue.record("a PEM with a broken body is unreadable")
        }
    }

    static func leaks(_ error: RSAPrivateKey.LoadError) -> String? {
        let texts =
            ["\(error)", String(reflecting: error), error.description]
            + ({ if case .unreadable(let detail) = error { [detail] } else { [] } }())
        for text in texts {
            if let line = keyLines.first(where: { text.contains($0) || text.contains($0.prefix(16)) }) { return line }
        }
        return nil
    }

    @Test func truncatedKeysAreRefusedWithoutQuotingThem() {
        let bytes = Array(Self.pkcs8.utf8)
        for length in stride(from: 0, to: bytes.count, by: 7) {
            let pem = String(decoding: bytes.prefix(length), as: UTF8.self)
            switch Self.load(pem) {
            case .success(let key): #expect(key.bits == 1024, "\(length) bytes loaded as \(key.bits) bits")
            case .failure(let error): #expect(Self.leaks(error) == nil, "\(length) bytes: \(error)")
            }
        }
    }

    @Test func mutatedKeysLoadOrAreRefusedWithoutQuotingThem() {
        var random = SplitMix64(seed: 0x9E3)
        var loaded = 0
        var refused = 0
        for round in 0..<200 {
            var bytes = Array((round % 2 == 0 ? Self.pkcs8 : Self.pkcs1).utf8)
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                if random.chance(0.5) {
                    // A base64 character swapped for another keeps the PEM shape: the DER inside breaks.
                    let index = Int.random(in: 40..<(bytes.count - 40), using: &random)
                    if bytes[index] != 0x0A { bytes[index] = random.pick(Array("ABCDEFabcdef0123456789+/=".utf8)) }
                } else {
                    bytes = random.mutated(bytes)
                }
            }
            switch Self.load(String(decoding: bytes, as: UTF8.self)) {
            case .success:
                loaded += 1
            case .failure(let error):
                refused += 1
                #expect(Self.leaks(error) == nil, "\(error)")
            }
        }
        #expect(refused > 0)
    }

    @Test func randomBytesAreRefused() {
        var random = SplitMix64(seed: 0xBEE)
        for round in 0..<200 {
            var text = String(decoding: random.bytes(Int.random(in: 0...300, using: &random)), as: UTF8.self)
            if round % 2 == 0 { text = "-----BEGIN PRIVATE KEY-----\n" + text + "\n-----END PRIVATE KEY-----" }
            #expect(Self.error(text) != nil)
        }
    }
}
