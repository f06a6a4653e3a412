import ArgumentParser
import JiraCI
import Testing

@testable import JiraCICLI

/// Every flag of every command's `--help` is a declared setting, shown with its declared help, default and
/// variable: the declarations are the one place a setting is spelt.
struct DeclaredArgumentTests {
    static func commands(_ command: any ParsableCommand.Type = JiraCICommand.self) -> [any ParsableCommand.Type] {
        let children = command.configuration.subcommands
        return children.isEmpty ? [command] : children.flatMap { commands($0) }
    }

    /// One entry per option of a help text: its flags and its help, joined over the lines it takes.
    static func entries(_ help: String) -> [(flags: [String], text: String)] {
        var entries: [(flags: [String], text: String)] = []
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            // Option rows are indented two spaces; examples in the discussion more.
            if line.hasPrefix("  -") {
                let flags = trimmed.split(separator: " ").prefix { $0.hasPrefix("-") }.flatMap {
                    $0.split(separator: ",")
                }
                .map(String.init).filter { $0.hasPrefix("-") }
                entries.append((flags, String(trimmed)))
            } else if !trimmed.isEmpty, line.hasPrefix("    "), !entries.isEmpty {
                entries[entries.count - 1].text += " " + trimmed
            }
        }
        return entries
    }

    @Test func everyFlagInEveryHelpIsDeclaredWithItsHelpDefaultAndVariable() {
        var seen = Set<Variable>()
        for command in Self.commands() {
            let help = JiraCICommand.helpMessage(for: command, columns: 10_000)
            for entry in Self.entries(help) {
                let flags = entry.flags.filter { !["-h", "--help", "--version"].contains($0) }
                guard let long = flags.first(where: { $0.hasPrefix("--") }) else { continue }
                guard let variable = Variable.allCases.first(where: { $0.declaration.flag == long }) else {
                    Issue.record("\(command.configuration.commandName ?? "?"): \(long) is no declared setting")
                    continue
                }
                seen.insert(variable)
                let declaration = variable.declaration
                #expect(entry.text.contains(declaration.help.dropLast()), "\(long): \(entry.text)")
                #expect(entry.text.contains("[env: \(variable.rawValue)]"), "\(long): \(entry.text)")
                if let defaultText = declaration.defaultText {
                    #expect(entry.text.contains("(default: \(defaultText))"), "\(long): \(entry.text)")
                }
                if let short = declaration.short { #expect(flags.contains("-\(short)"), "\(long)") }
            }
        }
        let flagged = Variable.allCases.filter { $0.declaration.flag != nil }
        #expect(flagged.filter { !seen.contains($0) }.isEmpty, "declared flags no command takes")
    }

    @Test func secretsHaveNoFlagButTheClientSecretWhichWarns() {
        for variable in Variable.allCases where variable.isSecret {
            #expect(variable.declaration.flag == nil || variable == .clientSecret, "\(variable)")
        }
    }

    @Test func declaredDefaultsParseWithTheirSettingsOwnParser() throws {
        let source = SettingsSource(environment: [:])
        #expect(try source.valueOrDefault(nil as RequestTimeout?, .timeout).seconds == 30)
        #expect(try source.valueOrDefault(nil as RequestTimeout?, .timeout, inHook: true).seconds == 10)
        #expect(try source.valueOrDefault(nil as RetryCount?, .retries, inHook: true).value == 0)
        #expect(try source.valueOrDefault(nil as HookBudget?, .hookBudget).seconds == 3)
        #expect(try source.valueOrDefault(nil as GateWait?, .gateWait).seconds == 600)
        #expect(try source.valueOrDefault(nil as CommitLimit?, .maxCommits).value == 1000)
        #expect(source.stringOrDefault(nil, .repo) == "." && source.stringOrDefault(nil, .commit) == "HEAD")
        let given = SettingsSource(environment: ["JIRA_CI_TIMEOUT": "5s"])
        #expect(try given.valueOrDefault(nil as RequestTimeout?, .timeout, inHook: true).seconds == 5)
    }
}
