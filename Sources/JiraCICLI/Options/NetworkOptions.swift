import ArgumentParser
import JiraCI

/// How requests are made and what happens when they fail.
struct NetworkOptions: ParsableArguments {
    @Option(.caCertificate, completion: .file())
    var caCert: String?

    @Option(.timeout, as: RequestTimeout.self)
    var timeout: RequestTimeout?

    @Option(.retries, as: RetryCount.self)
    var retries: RetryCount?

    @Option(.cacheDirectory, completion: .directory)
    var cacheDir: String?

    @Flag(.noCache)
    var noCache = false

    @Option(.outbox, completion: .directory)
    var outbox: String?

    @Flag(.noOutbox)
    var noOutbox = false

    @Flag(.allowInsecureHTTP)
    var allowInsecureHTTP = false

    @Flag(.softFail)
    var softFail = false

    @Flag(.verbose)
    var verbose = false

    func isSoftFail(_ source: SettingsSource) throws -> Bool {
        try source.flag(softFail, .softFail)
    }
}
