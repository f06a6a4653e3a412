import JiraCI

#if canImport(Glibc)
import Glibc
#endif

/// A jira-ci detached from the hook that starts it: its own session, stdin from /dev/null, stdout and stderr to
/// a log in the outbox, so git's pipes close when the hook exits and the push returns at once. It is either
/// `jira-ci flush`, for what the hook queued, or the hook's own command again, for the branches its budget did
/// not reach (which then also sends what waits). It gives up on Jira within a minute; anything still waiting
/// then goes with the next run.
enum BackgroundRun {
    static let giveUpAfter = "60s"
    static let giveUpSeconds = 60.0
    /// glibc's POSIX_SPAWN_SETSID (spawn.h), a GNU extension Swift does not import: the run gets a session of
    /// its own, so nothing that ends the hook's session ends it.
    static let newSession: Int16 = 0x80

    /// What a flush needs to reach the same Jira as the same user: flags, and variables for what this run had
    /// from flags that are secret (a client secret), never on a command line where process lists show them.
    struct Request {
        let arguments: [String]
        let secrets: [String: String]

        /// The flags given to this run that say where Jira is and who jira-ci is there (variables the flush
        /// inherits anyway), and a client secret given as a flag.
        init(_ jira: JiraOptions) {
            let (target, credentials, network) = (jira.target, jira.credentials, jira.network)
            let pairs: [(String, String?)] = [
                ("--jira-url", target.jiraURL?.text), ("--flavor", target.flavor?.rawValue), ("--cloud-id", target.cloudId),
                ("--api-url", target.apiURL?.text), ("--client-id", credentials.clientId), ("--consumer-key", credentials.consumerKey),
                ("--private-key-file", credentials.privateKeyFile), ("--user", credentials.user), ("--ca-cert", network.caCert),
                ("--cache-dir", network.cacheDir),
            ]
            var arguments = pairs.flatMap { flag, value in value.map { [flag, $0] } ?? [] }
            if credentials.comment { arguments.append("--comment") }
            if network.noCache { arguments.append("--no-cache") }
            if network.allowInsecureHTTP { arguments.append("--allow-insecure-http") }
            self.arguments = arguments
            secrets = credentials.clientSecret.map { [Variable.clientSecret.rawValue: $0] } ?? [:]
        }
    }

    static func flush(outbox: Outbox, _ request: Request) {
        let started = spawn(
            ["flush", "--outbox", outbox.directory, "--give-up-after", giveUpAfter] + request.arguments, secrets: request.secrets,
            log: outbox.directory + "/flush.log")
        if !started {
            Terminal.warning("could not start a background flush; the next jira-ci run or 'jira-ci flush' sends what is queued")
        }
    }

    /// This very command again, taking its pushed refs from `pending` instead of stdin. A client secret given
    /// as a flag moves to the environment.
    static func continuePush(outbox: Outbox, pending: String) -> Bool {
        var arguments: [String] = []
        var secrets: [String: String] = [:]
        var given = CommandLine.arguments.dropFirst()[...]
        while let argument = given.popFirst() {
            if argument == "--client-secret" || argument == "--continue-push" {
                if let value = given.popFirst(), argument == "--client-secret" { secrets[Variable.clientSecret.rawValue] = value }
            } else if argument.hasPrefix("--client-secret=") {
                secrets[Variable.clientSecret.rawValue] = String(argument.dropFirst("--client-secret=".count))
            } else if !argument.hasPrefix("--continue-push=") {
                arguments.append(argument)
            }
        }
        return spawn(arguments + ["--continue-push", pending], secrets: secrets, log: outbox.directory + "/flush.log")
    }

    private static func spawn(_ arguments: [String], secrets: [String: String], log: String) -> Bool {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        guard posix_spawn_file_actions_init(&actions) == 0 else { return false }
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawnattr_init(&attributes) == 0 else { return false }
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO)
        posix_spawnattr_setflags(&attributes, Self.newSession)

        let executable = ProcessEnvironment.executablePath
        var pid: pid_t = 0
        let cArguments = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var environment = ProcessEnvironment.variables
        environment.merge(secrets) { _, new in new }
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cEnvironment.forEach { free($0) } }
        return posix_spawn(&pid, executable, &actions, &attributes, cArguments, cEnvironment) == 0
    }
}
