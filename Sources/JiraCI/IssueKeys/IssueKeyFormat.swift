/// The shape of one whole issue key, for keys a user names explicitly (`--issue`).
public enum IssueKeyFormat {
    /// Explicit keys are what the user said, so no prefix list second-guesses them.
    /// The key upper-cased, or nil when `text` is not exactly one key.
    public static func normalized(_ text: String) -> String? {
        let scanner = IssueKeyScanner(rules: IssueKeyRules(allowedProjects: [], ignoredPrefixes: []))
        let found = scanner.keys(in: text, letterCase: .any)
        guard found.count == 1, found[0].utf8.count == text.utf8.count else { return nil }
        return found[0]
    }
}

extension IssueKeyRules {
    init(allowedProjects: Set<String>, ignoredPrefixes: Set<String>) {
        self.allowedProjects = allowedProjects
        self.ignoredPrefixes = ignoredPrefixes
    }
}

extension IssueKeyFormat {
    /// A project key as `--project` takes it: a letter, then 1 to 255 letters, digits or underscores.
    public static func isProjectKey(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.count <= IssueKeyScanner.maximumProjectLength, ASCII.isLetter(bytes[0]) else {
            return false
        }
        return bytes.allSatisfy(ASCII.isWordByte)
    }
}
