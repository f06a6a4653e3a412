/// Jira's build states. The raw values are the API's words.
public enum BuildState: String, Sendable, Codable, CaseIterable {
    case pending
    case inProgress = "in_progress"
    case successful
    case failed
    case cancelled
    case unknown

    /// The words CI systems use for their results, mapped to Jira's; any letter case.
    static let synonyms: [(BuildState, [String])] = [
        (.successful, ["successful", "success", "passed"]),
        (.failed, ["failed", "failure", "error", "unstable"]),
        (.cancelled, ["cancelled", "canceled", "aborted"]),
        (.inProgress, ["in_progress", "running", "started"]),
        (.pending, ["pending", "queued", "waiting"]),
        (.unknown, ["unknown", "not_built", "skipped"]),
    ]

    public static var acceptedWords: [String] { synonyms.flatMap(\.1) }

    public init?(word: String) {
        let lowered = word.trimmed.lowercased().replacingOccurrences(of: "-", with: "_")
        guard let match = Self.synonyms.first(where: { $0.1.contains(lowered) }) else { return nil }
        self = match.0
    }

    /// Final states close a remote link on Jira Server; the rest are still moving.
    public var isFinal: Bool {
        switch self {
        case .successful, .failed, .cancelled: true
        case .pending, .inProgress, .unknown: false
        }
    }
}

/// Jira's deployment states: the build states plus `rolled_back`.
public enum DeploymentState: String, Sendable, Codable, CaseIterable {
    case pending
    case inProgress = "in_progress"
    case successful
    case failed
    case cancelled
    case rolledBack = "rolled_back"
    case unknown

    public static var acceptedWords: [String] { BuildState.acceptedWords + ["rolled_back", "rollback"] }

    public init?(word: String) {
        let lowered = word.trimmed.lowercased().replacingOccurrences(of: "-", with: "_")
        if lowered == "rolled_back" || lowered == "rollback" {
            self = .rolledBack
        } else if let build = BuildState(word: lowered) {
            self.init(rawValue: build.rawValue)
        } else {
            return nil
        }
    }

    public var isFinal: Bool {
        self == .rolledBack || (BuildState(rawValue: rawValue)?.isFinal ?? false)
    }
}

extension String {
    func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
