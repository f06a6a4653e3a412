/// Jira's environment types. The raw values are the API's words.
public enum EnvironmentType: String, Sendable, Codable, CaseIterable, SettingValue {
    case unmapped
    case development
    case testing
    case staging
    case production

    static let words: [(EnvironmentType, Set<String>)] = [
        (.production, ["prod", "production", "prd", "live"]),
        (.staging, ["stage", "staging", "stg", "preprod"]),
        (.testing, ["test", "testing", "qa", "qc", "uat", "sit", "int", "integration"]),
        (.development, ["dev", "development", "sandbox"]),
    ]

    public static var valueWords: [String] { allCases.map(\.rawValue) }

    public static func parse(_ text: String) throws(ValueError) -> EnvironmentType {
        guard let type = EnvironmentType(rawValue: text.trimmed.lowercased()) else {
            throw ValueError(
                expected: "one of \(valueWords.joined(separator: ", "))",
                suggestion: Suggestion.nearest(to: text.trimmed, in: valueWords))
        }
        return type
    }

    /// A word of an unmapped environment name one or two letters from a word that names a type
    /// (`prodution`), with that word: worth a warning, since Jira will file the environment as unmapped.
    public static func likelyTypo(inName name: String) -> (word: String, suggestion: String)? {
        // Region names (`us-east-1`, `eu-west`) sit two letters from `test`: only a word that starts like a
        // known one, and is one letter off (two for long words), looks like a typo.
        let all = Self.words.flatMap(\.1).sorted()
        for word in Self.words(in: name) where word.count >= 4 && !all.contains(word) {
            let near = all.filter { $0.count >= 4 && $0.first == word.first }
                .map { ($0, Suggestion.editDistance(word, $0)) }
                .filter { $0.1 <= (word.count >= 7 ? 2 : 1) }
                .min { $0.1 < $1.1 }
            if let near { return (word, near.0) }
        }
        return nil
    }

    /// The type an environment name suggests: the first word of the name that names a type wins.
    /// A name with no such word stays unmapped, never production by guess.
    public static func inferred(fromName name: String, map: EnvironmentTypeMap = EnvironmentTypeMap())
        -> EnvironmentType
    {
        if let mapped = map.type(forName: name) { return mapped }
        for word in Self.words(in: name) {
            if let match = Self.words.first(where: { $0.1.contains(word) }) { return match.0 }
        }
        return .unmapped
    }

    /// Splits "EU-Prod2", "prodEu" and "pre_prod" into lower-case words at non-letters and case changes.
    static func words(in name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in name {
            guard character.isLetter else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase && previousWasLower {
                words.append(current)
                current = ""
            }
            current.append(contentsOf: character.lowercased())
            previousWasLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
