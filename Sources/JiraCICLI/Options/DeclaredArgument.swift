import ArgumentParser
import JiraCI

// Options and flags made from a setting's declaration (`Variable.declaration`): the name, the help with its
// "(default: …)" and "[env: …]", and the completions come from there, so `--help`, the variable fallback and
// `env` cannot disagree.

extension Option {
    /// `@Option(.timeout, as: RequestTimeout.self) var timeout: RequestTimeout?`: a typed value whose refusal
    /// explains itself (ArgumentParser shows the parser's message after the flag's name).
    init<T: ArgumentValue>(_ variable: Variable, as type: T.Type, completion: CompletionKind? = nil) where Value == T? {
        // `.unconditional`: `--wait -1` is a value to refuse with its range, not a missing value and an option.
        self.init(
            name: .declared(variable), parsing: .unconditional, help: .declared(variable, words: T.valueWords),
            completion: completion ?? T.defaultCompletionKind, transform: { try T.parse($0) })
    }

    /// `@Option(.label) var label: String?`.
    init(_ variable: Variable, completion: CompletionKind? = nil) where Value == String? {
        self.init(name: .declared(variable), help: .declared(variable), completion: completion)
    }

    /// The repeatable form: `@Option(.issues, as: IssueKey.self) var issues: [IssueKey] = []`.
    init<T: ArgumentValue>(wrappedValue: [T], _ variable: Variable, as type: T.Type) where Value == [T] {
        self.init(
            wrappedValue: wrappedValue, name: .declared(variable), parsing: .unconditionalSingleValue,
            help: .declared(variable),
            completion: T.defaultCompletionKind, transform: { try T.parse($0) })
    }

    /// `@Option(.junit, completion: .file()) var junit: [String] = []`.
    init(wrappedValue: [String], _ variable: Variable, completion: CompletionKind? = nil) where Value == [String] {
        self.init(
            wrappedValue: wrappedValue, name: .declared(variable), help: .declared(variable), completion: completion)
    }
}

extension Flag where Value == Bool {
    /// `@Flag(.softFail) var softFail = false`.
    init(wrappedValue: Bool, _ variable: Variable) {
        self.init(wrappedValue: wrappedValue, name: .declared(variable), help: .declared(variable))
    }
}

extension NameSpecification {
    static func declared(_ variable: Variable) -> NameSpecification {
        let declaration = variable.declaration
        guard let flag = declaration.flag else { preconditionFailure("\(variable.rawValue) has no flag") }
        let long = NameSpecification.Element.customLong(String(flag.dropFirst(2)))
        return declaration.short.map { [.customShort($0), long] } ?? [long]
    }
}

extension ArgumentHelp {
    /// The declared help, the accepted words when there are few enough to list, the default, and the variable.
    static func declared(_ variable: Variable, words: [String] = []) -> ArgumentHelp {
        let declaration = variable.declaration
        var text = declaration.help
        if !words.isEmpty, words.count <= 8, !text.contains(words[0]) {
            text = String(text.dropLast(text.hasSuffix(".") ? 1 : 0)) + " (\(words.joined(separator: ", ")))."
        }
        if let defaultText = declaration.defaultText { text += " (default: \(defaultText))" }
        return ArgumentHelp("\(text) [env: \(variable.rawValue)]")
    }
}
