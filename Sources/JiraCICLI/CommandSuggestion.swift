import ArgumentParser
import JiraCI

/// `jira-ci biuld` → `build`.
enum CommandSuggestion {
    static var names: [String] {
        JiraCICommand.configuration.subcommands.map { $0.configuration.commandName ?? "" }
    }

    static func command(for word: String) -> String? {
        guard !names.contains(word) else { return nil }
        return Suggestion.nearest(to: word, in: names)
    }
}
