/// A setting that is missing, malformed or at odds with another: always the user's to fix. Each case carries the
/// facts (which setting, which file, which host); the sentences are in `description`.
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(Variable, hint: String)
    /// `value` is shown as given, so it must already be safe to show (see `ValueError.shownInput`).
    case invalid(Variable, value: String, expected: String)
    case unreadableFile(Variable, path: String, reason: String)
    case unwritableFile(Variable, path: String, reason: String)
    /// Two settings that say the same thing differently; give one.
    case conflicting(Variable, Variable)
    /// A Jira Server credential (PAT, user, application link) for a Jira Cloud site.
    case serverCredentialOnCloud(host: String)
    /// A secret with a control character: in an HTTP header it would forge headers.
    case controlCharacter(Variable)
    /// The private key is there but is no key jira-ci can sign with.
    case unusablePrivateKey(Variable, reason: String)
    /// A setting for Jira Server only, given for Jira Cloud.
    case serverOnly(Variable)
    /// A feature of Jira Cloud (change gating), asked of Jira Server.
    case cloudOnly(feature: String)
    /// `--tests` and `--junit` add up to more than a build holds.
    case testCountsOverflow
    /// There is no outbox, and the command needs one.
    case noOutbox(reason: String)
    /// `auth server-login` would show the access token on a terminal.
    case tokenOnTerminal
    /// `auth server-login` read no verification code.
    case noVerificationCode
    /// The site did not say whether it is Jira Cloud or Jira Server/Data Center.
    case unknownFlavor(site: String, deploymentType: String)
    /// A request was asked for no report at all (a mistake of the caller's).
    case nothingToSend

    public var description: String {
        switch self {
        case .missing(let variable, let hint):
            "\(variable.bothNames) is required: \(hint)"
        case .invalid(let variable, let value, let expected):
            "\(variable.bothNames) has '\(value)', \(expected)"
        case .unreadableFile(let variable, let path, let reason):
            "cannot read \(path) given by \(variable.bothNames): \(reason)"
        case .unwritableFile(let variable, let path, let reason):
            "cannot write \(path) given by \(variable.bothNames): \(reason)"
        case .conflicting(let one, let other):
            "\(one.bothNames) and \(other.bothNames) both say where the range starts; give one"
        case .serverCredentialOnCloud(let host):
            "\(host) is Jira Cloud, which takes OAuth credentials, not JIRA_PAT, JIRA_USER or an application link: create them under Settings > Apps > OAuth credentials and set JIRA_CLIENT_ID and JIRA_CLIENT_SECRET"
        case .controlCharacter(let variable):
            "\(variable.bothNames) holds a control character (a line break?): it is sent in an HTTP header, where that would forge headers; store it without one"
        case .unusablePrivateKey(let variable, let reason):
            "\(variable.bothNames): \(reason)"
        case .serverOnly(let variable):
            "\(variable.bothNames) is for an intranet Jira Server only; Jira Cloud always takes https"
        case .cloudOnly(let feature):
            "\(feature) is a Jira Cloud feature (Jira Service Management); this site is Jira Server/Data Center"
        case .testCountsOverflow:
            "the test counts of --tests and --junit add up to more than Jira can hold"
        case .noOutbox(let reason):
            "there is no outbox to work with: \(reason)"
        case .tokenOnTerminal:
            "refusing to show the access token on a terminal: pass --output FILE (or --print if you are sure)"
        case .noVerificationCode:
            "no verification code on standard input: approve in Jira, then enter the code it shows (or pass --verifier)"
        case .unknownFlavor(let site, let type):
            "\(site) says it is Jira \"\(type.prefix(40))\" (deploymentType in /rest/api/2/serverInfo), neither Cloud nor Server/Data Center: set \(Variable.flavor.bothNames) to cloud or server"
        case .nothingToSend:
            "nothing to send"
        }
    }
}
