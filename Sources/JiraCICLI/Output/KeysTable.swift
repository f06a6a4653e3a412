import JiraCI

/// The `--explain` view: every key with every place it was found. Cells come from branch names, PR titles and
/// commits, so each is kept to one line with its control characters escaped.
enum KeysTable {
    static func render(_ result: KeyDiscoveryResult) -> [String] {
        var rows: [[String]] = [["KEY", "SOURCE", "FOUND IN"]]
        for key in result.keys.keys {
            for (index, source) in (result.keys.sources[key] ?? []).enumerated() {
                rows.append([index == 0 ? key : "", source.type.rawValue, summary(source)])
            }
        }
        var lines = table(rows)
        lines.append("")
        lines.append(
            "commit \(result.commitSHA)"
                + (result.branch.map { " on branch \(TerminalText.oneLine($0))" } ?? " (detached)"))
        if let tag = result.sinceTag {
            lines.append("since tag \(TerminalText.oneLine(tag.name)) (\(tag.commit.prefix(12)))")
        }
        lines.append(
            "\(result.keys.keys.count) key(s), \(result.keys.commitsScanned) commit(s) scanned, \(result.keys.dropped) dropped"
        )
        return lines
    }

    static func summary(_ source: KeySource) -> String {
        switch source.type {
        case .commit: String(source.value.prefix(12))
        default: FieldLimits.fitted(TerminalText.oneLine(source.value), limit: 60)
        }
    }

    static func table(_ rows: [[String]]) -> [String] {
        let cells = rows.map { $0.map(TerminalText.oneLine) }
        let widths = (0..<(cells.first?.count ?? 0)).map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }.joined()
        }
    }
}
