/// One report of `flush --dry-run --json`.
struct QueuedReportDocument: Encodable {
    let file: String
    let site: String
    let flavor: String
    let credential: String
    let kind: String
    let keys: [String]
    let ageSeconds: Int64
}
