/// The one place that decides a setting: a flag wins over its `JIRA_*` variable, which wins over what the
/// CI's own environment says. The process environment is handed in, so tests can build any configuration.
public struct SettingsSource: Sendable {
    public let environment: [String: String]
    public let detected: DetectedCI?

    public init(environment: [String: String], detected: DetectedCI? = nil) {
        self.environment = environment
        self.detected = detected
    }

    /// An empty variable counts as unset: CI systems often export empty ones.
    func variable(_ variable: Variable) -> String? {
        environment[variable.rawValue].flatMap { $0.trimmed.nonEmpty }
    }

    public func string(_ flag: String?, _ variable: Variable) -> String? {
        resolved(flag, variable)?.value
    }

    public func resolved(_ flag: String?, _ variable: Variable) -> (value: String, origin: SettingOrigin)? {
        if let flag { return (flag, .flag(variable.flag ?? variable.rawValue)) }
        if let value = self.variable(variable) { return (value, .environment(variable.rawValue)) }
        if let fact = detected?.facts[variable] {
            return (fact.value, .detected(ci: detected!.name, variable: fact.variable))
        }
        return nil
    }

    /// The state word. Jenkins leaves the build result null until the run ends, so under Jenkins an empty,
    /// missing or `null` result means the run is in progress.
    public func stateWord(_ flag: String?) -> String? {
        let word = string(flag?.trimmed.nonEmpty, .state)
        if detected?.name == "Jenkins", word == nil || word?.lowercased() == "null" { return "in_progress" }
        return word
    }

    /// Repeated flags, else the comma-separated variable.
    public func list(_ flags: [String], _ variable: Variable) -> [String] {
        let raw = flags.isEmpty ? (string(nil, variable).map { [$0] } ?? []) : flags
        return raw.flatMap { $0.split(separator: ",") }.map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// A typed setting: the flag's value (parsed already), else the variable's or the CI's, parsed by the
    /// same parser, so a bad value is refused with the same words whichever way it came.
    public func value<T: SettingValue>(_ flag: T?, _ variable: Variable) throws(ConfigurationError) -> T? {
        if let flag { return flag }
        guard let text = string(nil, variable) else { return nil }
        return try parse(text, variable, as: T.self)
    }

    /// A typed setting, or its declared default (a hook's own where it has one) when nothing sets it.
    public func valueOrDefault<T: SettingValue>(_ flag: T?, _ variable: Variable, inHook: Bool = false)
        throws(ConfigurationError) -> T
    {
        if let value = try value(flag, variable) { return value }
        let declaration = variable.declaration
        guard let text = (inHook ? declaration.hookDefault : nil) ?? declaration.defaultValue else {
            preconditionFailure("\(variable.rawValue) declares no default value")
        }
        return try parse(text, variable, as: T.self)
    }

    /// A text setting, or its declared default.
    public func stringOrDefault(_ flag: String?, _ variable: Variable) -> String {
        string(flag, variable) ?? variable.declaration.defaultValue ?? ""
    }

    /// Repeated flags, else the comma-separated variable, each parsed.
    public func values<T: SettingValue>(_ flags: [T], _ variable: Variable) throws(ConfigurationError) -> [T] {
        guard flags.isEmpty else { return flags }
        var parsed: [T] = []
        for text in list([], variable) { parsed.append(try parse(text, variable, as: T.self)) }
        return parsed
    }

    public func parse<T: SettingValue>(_ text: String, _ variable: Variable, as type: T.Type) throws(ConfigurationError)
        -> T
    {
        do {
            return try T.parse(text)
        } catch {
            throw .invalid(variable, value: error.shownInput ?? text, expected: error.description)
        }
    }

    public func flag(_ flag: Bool, _ variable: Variable) throws(ConfigurationError) -> Bool {
        if flag { return true }
        guard let text = self.variable(variable)?.lowercased() else { return false }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw .invalid(variable, value: text, expected: "1/true/yes/on or 0/false/no/off")
        }
    }
}
