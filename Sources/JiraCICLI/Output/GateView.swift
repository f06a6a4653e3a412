import JiraCI

/// A gating decision for people: the status, its change request, and what Jira says about it.
enum GateView {
    static func lines(_ result: GatingResult) -> [String] {
        var lines = ["Gating status: \(result.status.rawValue)" + (result.taskKey.map { " (\($0))" } ?? "")]
        for detail in result.details {
            let parts = ["type", "issueKey", "issueLink"].compactMap { detail[$0]?.stringValue }
            lines.append("  " + (parts.isEmpty ? detail.compactText : parts.joined(separator: " ")))
        }
        return lines
    }
}
