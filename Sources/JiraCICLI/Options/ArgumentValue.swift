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

/// `--state` as CIs pass it: a state word, or nothing yet (`""` or `null`: Jenkins before a run's result is
/// known), which the settings then decide (in progress under Jenkins, else missing).
enum StateArgument<State: SettingValue>: ArgumentValue {
    case state(State)
    case unset

    static var valueWords: [String] { State.valueWords }

    static func parse(_ text: String) throws(ValueError) -> StateArgument {
        let word = text.trimmed
        return word.isEmpty || word.lowercased() == "null" ? .unset : .state(try State.parse(word))
    }
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

extension Option {
    /// `@Option(of: BuildState.self, help: …) var state: BuildState?`: a typed value whose refusal explains
    /// itself (ArgumentParser shows the parser's message after the flag's name).
    init<T: ArgumentValue>(of type: T.Type, name: NameSpecification = .long, help: ArgumentHelp, completion: CompletionKind? = nil)
    where Value == T? {
        // `.unconditional`: `--wait -1` is a value to refuse with its range, not a missing value and an option.
        self.init(
            name: name, parsing: .unconditional, help: help.listing(T.valueWords), completion: completion ?? T.defaultCompletionKind,
            transform: { try T.parse($0) })
    }

    /// The repeatable form: `@Option(of: IssueKey.self, name: .customLong("issue"), help: …) var issues: [IssueKey] = []`.
    init<T: ArgumentValue>(wrappedValue: [T], of type: T.Type, name: NameSpecification = .long, help: ArgumentHelp) where Value == [T] {
        self.init(
            wrappedValue: wrappedValue, name: name, parsing: .unconditionalSingleValue, help: help, completion: T.defaultCompletionKind,
            transform: { try T.parse($0) })
    }
}

extension ArgumentHelp {
    /// Help that names the environment variable the flag falls back to, from the one list of variables.
    static func help(_ text: String, _ variable: Variable) -> ArgumentHelp {
        ArgumentHelp("\(text) [env: \(variable.rawValue)]")
    }

    /// The accepted words, when there are few enough to list.
    func listing(_ words: [String]) -> ArgumentHelp {
        guard !words.isEmpty, words.count <= 8, !abstract.contains(words[0]) else { return self }
        var help = self
        help.abstract = abstract.replacingOccurrences(of: " [env:", with: " (\(words.joined(separator: ", "))) [env:")
        return help
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return self[..<range.lowerBound] + replacement + self[range.upperBound...]
    }
}
