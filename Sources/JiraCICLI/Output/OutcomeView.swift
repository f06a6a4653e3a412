import JiraCI

/// A person's summary of what Jira did with a report it accepted. A refused report is explained by its error
/// line alone: one message per failure.
enum OutcomeView {
    static func lines(_ outcome: ReportOutcome, report: Report) -> [String] {
        var lines = [
            "Jira accepted the \(report.entity.noun) for \(accepted(outcome, report: report).joined(separator: ", "))"
        ]
        if !outcome.rejected.isEmpty {
            lines.append("Not updated: \(outcome.rejectionSummary)")
        }
        if !outcome.unknownAssociations.isEmpty {
            lines.append(
                "Unknown associations: \(outcome.unknownAssociations.map(\.compactText).joined(separator: ", "))")
        }
        return lines
    }

    /// The issues that took the report (a service-only deployment names its services).
    static func accepted(_ outcome: ReportOutcome, report: Report) -> [String] {
        let rejected = Set(outcome.rejected.compactMap { $0.key["issueKey"]?.stringValue })
        let keys = (outcome.keysSent ?? report.entity.issueKeys).filter {
            !outcome.unknownIssueKeys.contains($0) && !rejected.contains($0)
        }
        if keys.isEmpty, case .deployment(let deployment) = report.entity {
            return deployment.associations.filter { $0.associationType == .serviceIdOrKeys }.flatMap(\.values).map {
                "service \($0)"
            }
        }
        return keys.isEmpty ? ["no issue"] : keys
    }

    /// One hint when Jira knew none of some keys: the allow-list that would keep such words out.
    static func projectHint(unknown: [String], reports: [Report]) -> String? {
        let known = reports.flatMap(\.entity.issueKeys).filter { !unknown.contains($0) }
        let projects = Array(Set(known.compactMap { $0.split(separator: "-").first.map(String.init) })).sorted()
        guard !unknown.isEmpty, !projects.isEmpty else { return nil }
        return "to report only your projects' keys, pass " + projects.map { "--project \($0)" }.joined(separator: " ")
            + " (the projects Jira knew here), or set JIRA_CI_PROJECTS"
    }
}

extension JSONValue {
    var compactText: String { (try? JSON.string(self)) ?? "?" }
}
