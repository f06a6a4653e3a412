import ArgumentParser
import JiraCI

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
