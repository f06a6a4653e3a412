import JiraCI

/// `env --json`: the CI, every setting with where it came from, the ids reports would use, and the versions.
struct EnvDocument: Encodable {
    struct Setting: Encodable {
        let value: String
        let origin: String
    }

    let ci: String?
    let settings: [String: Setting]
    let ids: [String: String]
    /// The credential a run would use, and why.
    let credential: String?
    let version: String
    let libcurl: CurlVersion
}
