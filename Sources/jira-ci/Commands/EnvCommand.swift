import ArgumentParser
import JiraCI

struct EnvCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "env",
        abstract: "Show the CI detected and every setting jira-ci would use, with where each came from.")

    @Flag(help: "Print machine-readable JSON on stdout.")
    var json = false

    struct Setting: Encodable {
        let value: String
        let origin: String
    }

    struct Output: Encodable {
        let ci: String?
        let settings: [String: Setting]
    }

    func run() async throws {
        let source = SettingsSource.current()
        var settings: [(Variable, Setting)] = []
        for variable in Variable.allCases {
            guard let (value, origin) = source.resolved(nil, variable) else { continue }
            settings.append((variable, Setting(value: variable.isSecret ? "***" : value, origin: origin.description)))
        }
        if json {
            let output = Output(ci: source.detected?.name, settings: Dictionary(uniqueKeysWithValues: settings.map { ($0.0.rawValue, $0.1) }))
            Terminal.output(try JSON.string(output, pretty: true))
            return
        }
        var rows = [["SETTING", "VALUE", "FROM"]]
        rows += settings.map { [$0.0.flag ?? $0.0.rawValue, $0.1.value, $0.1.origin] }
        Terminal.output("CI: \(source.detected?.name ?? "none detected")\n" + KeysTable.table(rows).joined(separator: "\n"))
    }
}
