import JiraCI

/// Thrown by a command that has already explained itself and only needs to exit with a status.
struct QuietExit: Error {
    let status: ExitStatus
}
