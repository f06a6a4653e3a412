import JiraCI

/// `devinfo --backfill --json`.
struct BackfillDocument: Encodable {
    let commitsRead: Int
    let commitsSent: Int
    let branchesSent: Int
    let requests: Int
    let failed: [ReportOutcome.Rejection]
    let unknownIssueKeys: [String]
    let finished: Bool
}
