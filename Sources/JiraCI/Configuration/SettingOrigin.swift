/// Where a resolved setting came from, for `--explain` and `jira-ci env`.
public enum SettingOrigin: Sendable, Equatable, CustomStringConvertible {
    case flag(String)
    case environment(String)
    case detected(ci: String, variable: String)
    case defaultValue

    /// Read off the CI's own variables rather than asked for.
    public var isDetected: Bool {
        if case .detected = self { true } else { false }
    }

    public var description: String {
        switch self {
        case .flag(let name): name
        case .environment(let name): "$\(name)"
        case .detected(let ci, let variable): "\(ci) ($\(variable))"
        case .defaultValue: "default"
        }
    }
}
