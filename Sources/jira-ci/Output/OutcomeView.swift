import JiraCI

/// A person's summary of what Jira did with a report; empty when Jira took nothing (the error then says why).
enum OutcomeView {
    static func text(_ outcome: ReportOutcome, entity: ReportEntity) -> String {
        var lines: [String] = []
        if !outcome.accepted.isEmpty {
            let rejected = Set(outcome.rejected.compactMap { $0.key["issueKey"]?.stringValue })
            let keys = entity.issueKeys.filter { !outcome.unknownIssueKeys.contains($0) && !rejected.contains($0) }
            lines.append("Jira accepted \(entity.noun) for \(keys.count) issue(s): \(keys.joined(separator: ", "))")
        }
        for rejection in outcome.rejected {
            let messages = rejection.errors.map { $0["message"]?.stringValue ?? "(no message)" }
            lines.append("Jira rejected \(entity.noun): \(messages.joined(separator: "; "))")
        }
        if !outcome.unknownAssociations.isEmpty {
            let values = outcome.unknownAssociations.compactMap { try? JSON.string($0) }
            lines.append("Unknown associations: \(values.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}
