import ArgumentParser
import JiraCI

/// How results are printed; every command takes these.
struct OutputOptions: ParsableArguments {
    @Flag(.json)
    var json = false

    @Flag(.requireKeys)
    var requireKeys = false

    func isJSON(_ source: SettingsSource) throws -> Bool {
        try source.flag(json, .json)
    }
}
