/// Jira's deployment states: the build states plus `rolled_back`.
public enum DeploymentState: String, Sendable, Codable, CaseIterable, SettingValue {
    case pending
    case inProgress = "in_progress"
    case successful
    case failed
    case cancelled
    case rolledBack = "rolled_back"
    case unknown

    static let rollbackWords = ["rolled_back", "rollback", "rolledback"]

    public static var valueWords: [String] { allCases.map(\.rawValue) }

    public init?(word: String) {
        if Self.rollbackWords.contains(BuildState.normalized(word)) {
            self = .rolledBack
        } else if let build = BuildState(word: word) {
            self.init(rawValue: build.rawValue)
        } else {
            return nil
        }
    }

    public static func parse(_ text: String) throws(ValueError) -> DeploymentState {
        guard let state = DeploymentState(word: text) else {
            throw ValueError(
                expected:
                    "a state: \(valueWords.joined(separator: ", ")), a CI's word for one (SUCCESS, Succeeded, failure, ABORTED, …), or an exit status (0 is successful)",
                suggestion: Suggestion.nearest(
                    to: BuildState.normalized(text), in: BuildState.synonyms.flatMap(\.1) + rollbackWords))
        }
        return state
    }

    public var isFinal: Bool {
        self == .rolledBack || (BuildState(rawValue: rawValue)?.isFinal ?? false)
    }
}
