import JiraCI

/// Why a backfill stopped early, and that running it again continues.
struct BackfillStopped: Error, CustomStringConvertible {
    let reason: any Error
    let sent: Int

    var description: String {
        "\(reason); the backfill stopped after \(sent) commits were sent: run the same command again to continue where it stopped"
    }
}
