/// A queued report as a file: the report's JSON object plus the format it was written in, because the file
/// outlives the binary that wrote it. A later release reads an earlier one's files; an earlier release leaves a
/// later one's alone (it may not know what they hold), rather than moving them aside as unreadable.
///
/// Formats: 1, the report's JSON without a `format` field (jira-ci 0.1); 2, the same with `"format": 2`; 3, a
/// build that names its issues in `associations` instead of `issueKeys`, which jira-ci 0.2 cannot read. A file
/// carries the earliest format that holds its report, so an earlier release still delivers the deployments and
/// development information a later one queued, and leaves only what it cannot read waiting.
public enum OutboxFormat {
    public static let current = 3

    /// The earliest format that holds `report`.
    static func format(of report: Report) -> Int {
        report.entity.isBuildByAssociation ? 3 : 2
    }

    public enum Decoded: Sendable {
        case report(Report)
        /// Written by a newer jira-ci, in this format.
        case newer(Int)
        case unreadable
    }

    public static func encode(_ report: Report) throws -> [UInt8] {
        try JSON.encode(Stamped(report: report))
    }

    /// The report's own fields and `format` beside them, in one object.
    private struct Stamped: Encodable {
        let report: Report

        private enum CodingKeys: String, CodingKey {
            case format
        }

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(OutboxFormat.format(of: report), forKey: .format)
        }
    }

    public static func decode(_ bytes: [UInt8]) -> Decoded {
        guard let document = try? JSON.decode(JSONValue.self, from: bytes), case .object(let fields) = document else {
            return .unreadable
        }
        let format: Int
        switch fields["format"] {
        case nil: format = 1
        case .integer(let number)?: format = Int(clamping: number)
        default: return .unreadable
        }
        guard format >= 1 else { return .unreadable }
        guard format <= current else { return .newer(format) }
        // Every format so far decodes as it is: a build of formats 1 and 2 holds its keys in issueKeys, which
        // stays a field of Build and goes to Jira as it was queued. A change of shape gets its migration here.
        guard let report = try? JSON.decode(Report.self, from: bytes) else { return .unreadable }
        return .report(report)
    }
}
