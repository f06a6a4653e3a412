/// The one place the version is written: packages, tarball names and the User-Agent all take it from here (the
/// packaging script reads it from the built binary's `--version`).
enum Version {
    static let current = "0.2.0"
}
