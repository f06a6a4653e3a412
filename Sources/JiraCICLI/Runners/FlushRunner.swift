import JiraCI

/// `flush`: delivers what waits in the outbox for this site and credential, or lists it (`--dry-run`).
struct FlushRunner {
    let jira: JiraOptions
    let output: OutputOptions
    let giveUpAfter: FlushTimeLimit?

    func run() async throws {
        let source = SettingsSource.current()
        let json = try output.isJSON(source)
        let place = try ConnectionResolver(options: jira.network, source: source).outbox(required: true)
        guard let directory = place.directory else {
            throw ConfigurationError.noOutbox(reason: place.absence ?? "none is configured")
        }
        let outbox = Outbox(directory: directory)
        if try jira.target.isDryRun(source) {
            return try list(outbox, json: json)
        }
        let limit = try source.value(giveUpAfter, .giveUpAfter)
        let deadline = limit.map { Deadline.after(.milliseconds(Int64($0.seconds * 1000))) } ?? .none
        let settings = try RunSettings.resolve(
            source, keySource: nil, pipeline: nil, jira: jira, output: output, deadline: deadline, outboxRequired: true)
        let sender = ReportSender(settings: settings, json: json)
        let result = try await sender.dispatch([])
        // Reports another run is sending right now (a hook's background flush, a second cron) are not waiting.
        let contents = outbox.peek()
        let queued = contents.entries
        let ours = queued.filter { $0.report.queueKey == sender.queueKey }
        let inFlight = ours.filter { outbox.isHeld($0.name) }.count
        let summary = FlushDocument(
            delivered: result.delivered, rejected: result.rejected.count, waiting: ours.count - inFlight)
        if json {
            try Terminal.json(summary)
        } else {
            let others = queued.count - ours.count
            Terminal.output(
                line: "delivered \(summary.delivered), rejected \(summary.rejected), waiting \(summary.waiting)"
                    + (inFlight > 0 ? " (and \(inFlight) being sent by another run)" : "")
                    + (others > 0 ? " (and \(others) for other sites or credentials)" : "")
                    + (contents.newer.isEmpty ? "" : " (and \(contents.newer.count) from a newer jira-ci)"))
        }
        if let refusal = result.refusal { return try sender.soften(refusal) }
        // Each rejected report has had its warning; the status is all that is left to say.
        if summary.rejected > 0 {
            if settings.softFail { return }
            throw QuietExit(status: .rejected)
        }
        if summary.waiting > 0 {
            let cause = result.unreachable.map { "\($0)" }
            try sender.soften(JiraError.stillWaiting(count: summary.waiting, directory: directory, cause: cause))
        }
    }

    private func list(_ outbox: Outbox, json: Bool) throws {
        let contents = outbox.peek()
        let entries = contents.entries
        let now = WallClock.microsecondsSinceEpoch()
        let queued = entries.map { entry in
            let report = entry.report
            return QueuedReportDocument(
                file: entry.name, site: report.target.siteURL ?? report.target.cloudId ?? report.target.apiURL,
                flavor: report.target.flavor.rawValue, credential: report.credential.name,
                kind: report.entity.api.rawValue,
                keys: report.entity.issueKeys, ageSeconds: max(0, (now - report.createdAt) / 1_000_000))
        }
        if json {
            try Terminal.json(queued)
        } else {
            var rows = [["AGE", "SITE", "KIND", "KEYS", "FILE"]]
            rows += zip(entries, queued).map { entry, item in
                [
                    Age.text(since: entry.report.createdAt), item.site, entry.report.entity.noun,
                    item.keys.joined(separator: ","), item.file,
                ]
            }
            rows += contents.newer.map {
                ["?", "?", "queued by a newer jira-ci (outbox format \($0.format)): left for it", "", $0.name]
            }
            rows += contents.unreadable.map { ["?", "?", "unreadable (moved aside by the next flush)", "", $0] }
            Terminal.output(KeysTable.table(rows) + ["\(queued.count) report(s) queued in \(outbox.directory)"])
        }
    }
}
