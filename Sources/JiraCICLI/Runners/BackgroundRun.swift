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

    /// `jira-ci flush` for what the hook queued, with this run's settings.
    static func flush(outbox: Outbox) {
        let handOver = SettingsHandOver(arguments: Array(CommandLine.arguments.dropFirst()))
        let started = spawn(
            ["flush", "--outbox", outbox.directory, "--give-up-after", giveUpAfter], environment: handOver.environment,
            log: outbox.directory + "/flush.log")
        if !started {
            Terminal.warning(
                "could not start a background flush; the next jira-ci run or 'jira-ci flush' sends what is queued")
        }
    }

    /// This very command again, with this run's settings, taking its pushed refs from `pending` instead of stdin.
    static func continuePush(outbox: Outbox, pending: String) -> Bool {
        let handOver = SettingsHandOver(arguments: Array(CommandLine.arguments.dropFirst()))
        return spawn(
            handOver.command + ["--continue-push", pending], environment: handOver.environment,
            log: outbox.directory + "/flush.log")
    }

    private static func spawn(_ arguments: [String], environment handedOver: [String: String], log: String) -> Bool {
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
        defer { for argument in cArguments { free(argument) } }
        var environment = ProcessEnvironment.variables
        environment.merge(handedOver) { _, given in given }
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for variable in cEnvironment { free(variable) } }
        return posix_spawn(&pid, executable, &actions, &attributes, cArguments, cEnvironment) == 0
    }
}
