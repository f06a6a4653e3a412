#if canImport(Glibc)
    import Glibc
#endif

/// jira-ci runs in git hooks, whose stderr is the pushing client's connection, and in pipelines that may close
/// its output (`| head`): a stream that goes away must not end the run before its report is sent or queued.
enum StandardStreams {
    static func prepare() {
        // A write to a closed pipe then fails with EPIPE, which Terminal ignores, instead of killing the process.
        signal(SIGPIPE, SIG_IGN)
        // A stream closed before the start becomes /dev/null, so no file or socket opened later gets its number
        // (output meant for the terminal would land in a report file or on the connection to Jira).
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            let opened = open("/dev/null", O_RDWR)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}
