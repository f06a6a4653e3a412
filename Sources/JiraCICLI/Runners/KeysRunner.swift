import JiraCI

/// `keys`: the issue keys of the git data, as a list, a table of where each came from, or JSON.
struct KeysRunner {
    let keySource: KeySourceOptions
    let output: OutputOptions
    let explain: Bool

    func run() async throws {
        let source = SettingsSource.current()
        let search = try keySource.keySearch(source)
        if try keySource.wantsAutomaticProjects(source) {
            Terminal.warning(
                "--project auto reads Jira Server's projects when reporting; `keys` asks Jira nothing, so keys of every project count"
            )
        }
        let requireKeys = try source.flag(output.requireKeys, .requireKeys)
        let json = try output.isJSON(source)
        let explain = try source.flag(explain, .explain)
        let result = try await KeyDiscovery(search: search).run()
        for warning in result.warnings { Terminal.warning(warning.description) }
        if json {
            try Terminal.json(KeysDocument(result.keys))
        } else if explain {
            Terminal.output(KeysTable.render(result))
        } else if !result.keys.isEmpty {
            Terminal.output(result.keys.keys)
        }
        if result.keys.isEmpty {
            if requireKeys { throw NoKeysFound(where: "the git data") }
            if !json && !explain { Terminal.warning(ReportWarning.noKeys.description) }
        }
    }
}
