import JiraCI

/// `--require-keys` turned "nothing to report" into a failure.
struct NoKeysFound: Error, CustomStringConvertible {
    let `where`: String

    var description: String { "no issue keys found in \(`where`) (--require-keys is set)" }
}
