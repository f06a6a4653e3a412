import ArgumentParser
import JiraCI

struct FlushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flush",
        abstract: "Deliver the reports queued in the outbox while Jira was unreachable.",
        discussion: """
            Delivers, oldest first and in bulk, every queued report the configured credentials may send (same site, same \
            credential), and prints `delivered N, rejected M, waiting K`. Exit 3 if the credentials were refused (nothing \
            is dropped), else 4 if Jira rejected some (moved to the outbox's rejected/ folder with Jira's answer), else 5 \
            if some still wait, else 0 (and 0 with --soft-fail, the failure said as a warning). --dry-run lists what is queued (site, kind, keys, age) and sends nothing.
            Examples:
              jira-ci flush
              jira-ci flush --dry-run --json
              */5 * * * * jira-ci flush --give-up-after 2m   (cron on a build agent)
            """)

    @OptionGroup var jira: JiraOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    @Option(.giveUpAfter, as: FlushTimeLimit.self)
    var giveUpAfter: FlushTimeLimit?

    func run() async throws {
        try await FlushRunner(jira: jira, output: output, giveUpAfter: giveUpAfter).run()
    }
}
