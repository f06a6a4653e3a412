import ArgumentParser
import JiraCI

/// Who jira-ci is to Jira. Secrets that would show in process lists have no flag, only a variable.
struct CredentialOptions: ParsableArguments {
    @Option(.clientId)
    var clientId: String?

    @Option(.clientSecret)
    var clientSecret: String?

    @Option(.consumerKey)
    var consumerKey: String?

    @Option(.privateKeyFile, completion: .file())
    var privateKeyFile: String?

    @Option(.user)
    var user: String?

    @Flag(.comment)
    var comment = false

    func hasClientId(_ source: SettingsSource) -> Bool {
        source.string(clientId, .clientId) != nil
    }

    func hasServerCredential(_ source: SettingsSource) -> Bool {
        source.string(nil, .personalAccessToken) != nil || source.string(user, .user) != nil
            || source.string(consumerKey, .consumerKey) != nil
    }
}
