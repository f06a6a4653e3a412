/// User rules `PATTERN=TYPE,…` on environment names, checked before the built-in words.
public struct EnvironmentTypeMap: Sendable, Equatable, SettingValue {
    public struct Rule: Sendable, Equatable {
        public let pattern: String
        public let type: EnvironmentType
    }

    public enum ParseError: Error, Equatable {
        case malformedRule(String)
        case unknownType(rule: String, type: String)
    }

    public let rules: [Rule]

    public init(rules: [Rule] = []) {
        self.rules = rules
    }

    public init(parsing text: String) throws(ParseError) {
        var rules: [Rule] = []
        for part in text.split(separator: ",").map({ String($0).trimmed }) where !part.isEmpty {
            guard let equals = part.lastIndex(of: "=") else { throw .malformedRule(part) }
            let pattern = String(part[..<equals]).trimmed
            let typeWord = String(part[part.index(after: equals)...]).trimmed
            guard !pattern.isEmpty else { throw .malformedRule(part) }
            guard let type = try? EnvironmentType.parse(typeWord) else {
                throw .unknownType(rule: part, type: typeWord)
            }
            rules.append(Rule(pattern: pattern, type: type))
        }
        self.rules = rules
    }

    public static func parse(_ text: String) throws(ValueError) -> EnvironmentTypeMap {
        do {
            return try EnvironmentTypeMap(parsing: text)
        } catch {
            throw ValueError(
                expected:
                    "comma-separated PATTERN=TYPE rules with TYPE one of \(EnvironmentType.valueWords.joined(separator: ", "))"
            )
        }
    }

    func type(forName name: String) -> EnvironmentType? {
        rules.first { Glob.matches(pattern: $0.pattern.lowercased(), text: name.lowercased()) }?.type
    }
}
