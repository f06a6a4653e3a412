/// Jira's build states. The raw values are the API's words.
public enum BuildState: String, Sendable, Codable, CaseIterable, SettingValue {
    case pending
    case inProgress = "in_progress"
    case successful
    case failed
    case cancelled
    case unknown

    /// The words CI systems print for their results, mapped to Jira's (any letter case; `-` and `_` alike).
    /// The README's table of states is this list. Buildkite's step outcomes and build states are here too:
    /// `soft_failed` is a step that failed and was let through, so the build is not reported successful.
    static let synonyms: [(BuildState, [String])] = [
        (.successful, ["successful", "success", "succeeded", "passed"]),
        (
            .failed,
            [
                "failed", "failure", "error", "unstable", "succeeded_with_issues", "succeededwithissues", "hard_failed",
                "soft_failed",
                "errored", "waiting_failed",
            ]
        ),
        (.cancelled, ["cancelled", "canceled", "aborted", "stopped", "canceling", "cancelling"]),
        (.inProgress, ["in_progress", "inprogress", "running", "started", "failing"]),
        (.pending, ["pending", "queued", "waiting", "scheduled", "blocked"]),
        (.unknown, ["unknown", "not_built", "notbuilt", "skipped", "neutral", "not_run"]),
    ]

    public static var valueWords: [String] { allCases.map(\.rawValue) }

    /// A state word, or an exit status as some CIs hand it over (`$BITBUCKET_EXIT_CODE`, `$?`): 0 is
    /// success, any other whole number a failure.
    public init?(word: String) {
        let normalized = Self.normalized(word)
        if let status = Self.exitStatus(word.trimmed) {
            self = status == 0 ? .successful : .failed
            return
        }
        guard let match = Self.synonyms.first(where: { $0.1.contains(normalized) }) else { return nil }
        self = match.0
    }

    public static func parse(_ text: String) throws(ValueError) -> BuildState {
        guard let state = BuildState(word: text) else {
            throw ValueError(
                expected:
                    "a state: \(valueWords.joined(separator: ", ")), a CI's word for one (SUCCESS, Succeeded, failure, ABORTED, …), or an exit status (0 is successful)",
                suggestion: Suggestion.nearest(to: normalized(text), in: synonyms.flatMap(\.1)))
        }
        return state
    }

    /// `0`, `1`, `-1`, `255`: digits with an optional sign, however many (a Windows status is 32 bits).
    static func exitStatus(_ word: String) -> Int? {
        let digits = word.hasPrefix("-") || word.hasPrefix("+") ? word.dropFirst() : word[...]
        guard !digits.isEmpty, digits.utf8.allSatisfy(ASCII.isDigit) else { return nil }
        return digits.allSatisfy { $0 == "0" } ? 0 : 1
    }

    static func normalized(_ word: String) -> String {
        String(word.trimmed.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// Final states end a run; the rest are still moving.
    public var isFinal: Bool {
        switch self {
        case .successful, .failed, .cancelled: true
        case .pending, .inProgress, .unknown: false
        }
    }
}
