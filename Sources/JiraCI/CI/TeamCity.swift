/// TeamCity keeps facts the environment lacks in a Java properties file named by TEAMCITY_BUILD_PROPERTIES_FILE.
public enum TeamCity {
    public static let propertiesFileVariable = "TEAMCITY_BUILD_PROPERTIES_FILE"
    public static let buildIdProperty = "teamcity.build.id"

    /// `key=value` and `key: value` lines of a Java properties file; comments and blank lines skipped, the
    /// escapes TeamCity writes (`\:`, `\=`, `\\`) undone. Continuation lines are not needed for the ids read here.
    public static func properties(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmed
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("!") else { continue }
            var key = ""
            var value = ""
            var inValue = false
            var escaped = false
            for character in line {
                if !escaped, character == "\\" {
                    escaped = true
                    continue
                }
                if !escaped, !inValue, character == "=" || character == ":" {
                    inValue = true
                    continue
                }
                if inValue { value.append(character) } else { key.append(character) }
                escaped = false
            }
            result[key.trimmed] = value.trimmed
        }
        return result
    }
}
