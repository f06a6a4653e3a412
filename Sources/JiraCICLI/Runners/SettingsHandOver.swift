import JiraCI

/// What a detached run needs of this run's settings: the flags it was given, turned into the variables they stand
/// for (by the settings' declarations), so the detached run reads them as this one did and no secret given as a
/// flag reaches a process list. Its own command line is then only the command.
struct SettingsHandOver {
    /// The command's words (`build`, `auth check`).
    let command: [String]
    let environment: [String: String]

    init(arguments: [String]) {
        let declared = Variable.allCases.filter { $0.declaration.flag != nil }
        func variable(for option: Substring) -> Variable? {
            declared.first {
                let declaration = $0.declaration
                return declaration.flag.map { $0 == option } == true
                    || declaration.short.map { "-\($0)" } == String(option)
            }
        }
        command = arguments.prefix { !$0.hasPrefix("-") }
        var environment: [String: String] = [:]
        var rest = arguments.dropFirst(command.count)[...]
        while let argument = rest.popFirst() {
            let (option, attached) =
                argument.firstIndex(of: "=").map { (argument[..<$0], String(argument[argument.index(after: $0)...])) }
                ?? (argument[...], nil)
            guard let variable = variable(for: option) else { continue }
            switch variable.declaration.form {
            case .toggle:
                environment[variable.rawValue] = "1"
            case .value:
                if let value = attached ?? rest.popFirst() { environment[variable.rawValue] = value }
            case .list:
                if let value = attached ?? rest.popFirst() {
                    environment[variable.rawValue] = environment[variable.rawValue].map { "\($0),\(value)" } ?? value
                }
            case .variableOnly:
                break
            }
        }
        self.environment = environment
    }
}
