import ArgumentParser
import JiraCI

/// A setting's value type as a command-line value: parsed at parse time by the type's own parser (the one the
/// environment variable goes through too), so `--state sucess` is refused before anything runs, with what was
/// expected and the nearest accepted word; completions and help list the type's words.
public protocol ArgumentValue: SettingValue, ExpressibleByArgument {}

extension ArgumentValue {
    public init?(argument: String) {
        guard let value = try? Self.parse(argument) else { return nil }
        self = value
    }

    public static var allValueStrings: [String] { valueWords }
    public static var defaultCompletionKind: CompletionKind { valueWords.isEmpty ? .default : .list(valueWords) }
}

/// Enums get ArgumentParser's own defaults too; these, more specific, say which win: the type's own parser,
/// which knows its synonyms (`SUCCESS` for `successful`).
extension ArgumentValue where Self: CaseIterable & RawRepresentable, RawValue == String {
    public init?(argument: String) {
        guard let value = try? Self.parse(argument) else { return nil }
        self = value
    }

    public static var allValueStrings: [String] { valueWords }
    public static var defaultCompletionKind: CompletionKind { .list(valueWords) }
}

extension BuildState: ArgumentValue {}
extension DeploymentState: ArgumentValue {}
extension EnvironmentType: ArgumentValue {}
extension EnvironmentTypeMap: ArgumentValue {}
extension JiraFlavor: ArgumentValue {}
extension Build.TestInfo: ArgumentValue {}
extension IssueKey: ArgumentValue {}
extension ProjectKey: ArgumentValue {}
extension WebURL: ArgumentValue {}
extension SiteURL: ArgumentValue {}
extension PayloadNumber: ArgumentValue {}
extension RequestTimeout: ArgumentValue {}
extension RetryCount: ArgumentValue {}
extension CommitLimit: ArgumentValue {}
extension GateWait: ArgumentValue {}
extension PollInterval: ArgumentValue {}
extension HookBudget: ArgumentValue {}
extension FlushTimeLimit: ArgumentValue {}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return self[..<range.lowerBound] + replacement + self[range.upperBound...]
    }
}
