import ArgumentParser
import Dispatch
import JiraCI

#if canImport(Glibc)
    import Glibc
#endif

/// Parses, runs, and turns every failure into one line on stderr and a documented exit code. Help, usage
/// messages and errors alike leave through `Terminal`.
public enum CommandLineRun {
    /// Runs the command line and exits; never returns. It stays synchronous until the arguments are known to
    /// be readable: Swift's concurrency runtime needs /proc too, and without it one of the threads it starts
    /// can trap (SIGILL) before the error below is written.
    public static func start() -> Never {
        StandardStreams.prepare()
        // Swift on Linux finds argv through /proc/self/maps; without /proc (a chroot, a minimal container) it sees
        // no arguments at all, not even the program's name, and any command line would run as a bare `jira-ci`.
        guard !CommandLine.arguments.isEmpty else {
            Terminal.error(
                "the command line could not be read: /proc is not mounted (Swift finds its arguments through /proc/self/maps); mount it, e.g. 'mount -t proc proc /proc' in a chroot"
            )
            Glibc.exit(ExitStatus.usage.rawValue)
        }
        Task { @MainActor in await run() }
        dispatchMain()
    }

    private static func run() async -> Never {
        var command: any ParsableCommand
        do {
            command = try JiraCICommand.parseAsRoot(
                CommandLineArguments.split(Array(CommandLine.arguments.dropFirst())))
        } catch {
            exit(parseError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // `--help` on a command group comes back from `run()` as an error the parser knows how to show.
            if JiraCICommand.exitCode(for: error) == .success { exit(parseError: error) }
            if !(error is QuietExit) { Terminal.error(String(describing: error)) }
            Glibc.exit(ExitStatus(for: error).rawValue)
        }
        Glibc.exit(ExitStatus.ok.rawValue)
    }

    /// Help and version requests arrive as "errors" too; they are printed in full on stdout and exit 0.
    static func exit(parseError error: any Error) -> Never {
        if JiraCICommand.exitCode(for: error) == .success {
            Terminal.help(JiraCICommand.fullMessage(for: error))
            Glibc.exit(0)
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        let words = arguments.prefix { !$0.hasPrefix("-") }
        var message = JiraCICommand.message(for: error)
        if let first = words.first, let suggestion = CommandSuggestion.command(for: first) {
            message = "unknown command '\(first)'; did you mean '\(suggestion)'?"
        }
        let help = "(see 'jira-ci \(words.map { $0 + " " }.joined())--help')"
        // A hook never fails the push, not even when its script has a typo in a flag.
        if arguments.contains("--hook-stdin") || (try? SettingsSource.current().flag(false, .hookStdin)) == true {
            Terminal.warning("\(message) \(help) (hook: not failing the push)")
            Glibc.exit(0)
        }
        Terminal.error("\(message) \(help)")
        Glibc.exit(ExitStatus.usage.rawValue)
    }
}
