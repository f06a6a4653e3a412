/// A setting as declared once: how it is given on the command line, what it means, what it is when nothing
/// sets it, and whether it is secret. The option, its variable fallback, the help's "(default: …)", `env`'s
/// listing and the hand-over to a detached run all read this.
public struct SettingDeclaration: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// `--name VALUE`.
        case value
        /// `--name VALUE`, repeatable; the variable takes the values comma-separated.
        case list
        /// `--name` alone; the variable takes 1/true/yes/on or 0/false/no/off.
        case toggle
        /// No flag: a secret a process list would show, given by its variable only.
        case variableOnly
    }

    /// `--name`; nil for a variable-only secret.
    public let flag: String?
    public let short: Character?
    public let form: Form
    public let help: String
    /// The value when nothing sets it, as its variable would give it (parsed by the value type's own parser).
    public let defaultValue: String?
    /// The value in a git hook, where a push must not wait, when it differs.
    public let hookDefault: String?
    /// How the default is worked out, for help, when it is no fixed value ("the CI's, else one derived from the commit").
    public let defaultNote: String?
    public let isSecret: Bool

    static func value(
        _ flag: String, _ help: String, default value: String? = nil, hook: String? = nil, note: String? = nil,
        secret: Bool = false
    ) -> SettingDeclaration {
        SettingDeclaration(
            flag: flag, short: nil, form: .value, help: help, defaultValue: value, hookDefault: hook, defaultNote: note,
            isSecret: secret)
    }

    static func list(_ flag: String, _ help: String, note: String? = nil) -> SettingDeclaration {
        SettingDeclaration(
            flag: flag, short: nil, form: .list, help: help, defaultValue: nil, hookDefault: nil, defaultNote: note,
            isSecret: false)
    }

    static func toggle(_ flag: String, _ help: String, short: Character? = nil) -> SettingDeclaration {
        SettingDeclaration(
            flag: flag, short: short, form: .toggle, help: help, defaultValue: nil, hookDefault: nil, defaultNote: nil,
            isSecret: false)
    }

    static func variableOnly(_ help: String) -> SettingDeclaration {
        SettingDeclaration(
            flag: nil, short: nil, form: .variableOnly, help: help, defaultValue: nil, hookDefault: nil,
            defaultNote: nil, isSecret: true)
    }

    /// What help shows after the text: `3s`, `30s (10s in a git hook)`, or the note.
    public var defaultText: String? {
        guard let defaultValue else { return defaultNote }
        return hookDefault.map { "\(defaultValue) (\($0) in a git hook)" } ?? defaultValue
    }
}
