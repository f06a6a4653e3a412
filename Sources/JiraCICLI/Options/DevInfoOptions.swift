import ArgumentParser
import JiraCI

/// What `devinfo` sends and how it links to the web.
struct DevInfoOptions: ParsableArguments {
    @Flag(.backfill)
    var backfill = false

    @Flag(.allBranches)
    var allBranches = false

    @Flag(.preventTransitions)
    var preventTransitions = false

    @Option(.commitURLTemplate)
    var commitURLTemplate: String?

    @Option(.branchURLTemplate)
    var branchURLTemplate: String?

    @Option(.fileURLTemplate)
    var fileURLTemplate: String?

    func settings(_ source: SettingsSource) throws -> DevInfoSettings {
        let backfill = try source.flag(backfill, .backfill)
        let templates = try [
            (commitURLTemplate, Variable.commitURLTemplate, "{sha}"),
            (branchURLTemplate, .branchURLTemplate, "{branch}"), (fileURLTemplate, .fileURLTemplate, "{path}"),
        ]
        .map { flag, variable, placeholder -> String? in
            guard let template = source.string(flag, variable) else { return nil }
            let probe = template.replacingAll("{sha}", with: "0").replacingAll("{branch}", with: "b").replacingAll(
                "{path}", with: "p"
            ).replacingAll("{ref}", with: "r")
            guard template.contains(placeholder), (try? WebURL.parse(probe)) != nil else {
                throw ConfigurationError.invalid(
                    variable, value: template, expected: "expected an http(s) URL with \(placeholder) in it")
            }
            return template
        }
        return DevInfoSettings(
            commitURLTemplate: templates[0], branchURLTemplate: templates[1], fileURLTemplate: templates[2],
            bitbucket: BitbucketServerHook(source.environment),
            options: DevInfoHandling(
                preventTransitions: try backfill || source.flag(preventTransitions, .preventTransitions) ? true : nil,
                backfill: backfill))
    }

    func isAllBranches(_ source: SettingsSource) throws -> Bool {
        try source.flag(allBranches, .allBranches)
    }
}
