/// Every environment variable jira-ci reads, with the flag it stands for. `--help`, the README table and the
/// code all come from this one list.
public enum Variable: String, CaseIterable, Sendable {
    // Where keys come from
    case repo = "JIRA_CI_REPO"
    case commit = "JIRA_CI_COMMIT"
    case branch = "JIRA_CI_BRANCH"
    case since = "JIRA_CI_SINCE"
    case maxCommits = "JIRA_CI_MAX_COMMITS"
    case prTitle = "JIRA_CI_PR_TITLE"
    case issues = "JIRA_CI_ISSUES"
    case projects = "JIRA_CI_PROJECTS"
    case ignorePrefixes = "JIRA_CI_IGNORE_PREFIXES"
    case requireKeys = "JIRA_CI_REQUIRE_KEYS"
    // What is reported
    case state = "JIRA_CI_STATE"
    case pipelineId = "JIRA_CI_PIPELINE_ID"
    case pipelineName = "JIRA_CI_PIPELINE_NAME"
    case pipelineURL = "JIRA_CI_PIPELINE_URL"
    case buildNumber = "JIRA_CI_BUILD_NUMBER"
    case buildURL = "JIRA_CI_BUILD_URL"
    case label = "JIRA_CI_LABEL"
    case description = "JIRA_CI_DESCRIPTION"
    case tests = "JIRA_CI_TESTS"
    case junit = "JIRA_CI_JUNIT"
    case updateSequenceNumber = "JIRA_CI_UPDATE_SEQUENCE_NUMBER"
    case environment = "JIRA_CI_ENVIRONMENT"
    case environmentId = "JIRA_CI_ENVIRONMENT_ID"
    case environmentType = "JIRA_CI_ENVIRONMENT_TYPE"
    case environmentMap = "JIRA_CI_ENVIRONMENT_MAP"
    case environmentURL = "JIRA_CI_ENVIRONMENT_URL"
    case deploymentNumber = "JIRA_CI_DEPLOYMENT_NUMBER"
    // Where it goes
    case jiraURL = "JIRA_URL"
    case flavor = "JIRA_FLAVOR"
    case cloudId = "JIRA_CLOUD_ID"
    case dryRun = "JIRA_CI_DRY_RUN"
    case apiURL = "JIRA_CI_API_URL"
    // Jira Cloud credentials
    case clientId = "JIRA_CLIENT_ID"
    case clientSecret = "JIRA_CLIENT_SECRET"
    // Jira Server / Data Center credentials
    case personalAccessToken = "JIRA_PAT"
    case user = "JIRA_USER"
    case password = "JIRA_PASSWORD"
    case consumerKey = "JIRA_CONSUMER_KEY"
    case privateKey = "JIRA_PRIVATE_KEY"
    case privateKeyFile = "JIRA_PRIVATE_KEY_FILE"
    case accessToken = "JIRA_ACCESS_TOKEN"
    case comment = "JIRA_CI_COMMENT"
    // How
    case cacheDirectory = "JIRA_CI_CACHE_DIR"
    case noCache = "JIRA_CI_NO_CACHE"
    case caCertificate = "JIRA_CI_CA_CERT"
    case timeout = "JIRA_CI_TIMEOUT"
    case retries = "JIRA_CI_RETRIES"
    case softFail = "JIRA_CI_SOFT_FAIL"
    case verbose = "JIRA_CI_VERBOSE"
    // Gating
    case gate = "JIRA_CI_GATE"
    case services = "JIRA_CI_SERVICES"
    case gateWait = "JIRA_CI_GATE_WAIT"
    case gatePoll = "JIRA_CI_GATE_POLL"

    /// The flag the variable stands for; secrets that would show in process lists have none.
    public var flag: String? {
        switch self {
        case .repo: "--repo"
        case .commit: "--commit"
        case .branch: "--branch"
        case .since: "--since"
        case .maxCommits: "--max-commits"
        case .prTitle: "--pr-title"
        case .issues: "--issue"
        case .projects: "--project"
        case .ignorePrefixes: "--ignore-prefix"
        case .requireKeys: "--require-keys"
        case .state: "--state"
        case .pipelineId: "--pipeline-id"
        case .pipelineName: "--pipeline-name"
        case .pipelineURL: "--pipeline-url"
        case .buildNumber: "--build-number"
        case .buildURL: "--build-url"
        case .label: "--label"
        case .description: "--description"
        case .tests: "--tests"
        case .junit: "--junit"
        case .updateSequenceNumber: "--update-sequence-number"
        case .environment: "--environment"
        case .environmentId: "--environment-id"
        case .environmentType: "--environment-type"
        case .environmentMap: "--environment-map"
        case .environmentURL: "--environment-url"
        case .deploymentNumber: "--deployment-number"
        case .jiraURL: "--jira-url"
        case .flavor: "--flavor"
        case .cloudId: "--cloud-id"
        case .dryRun: "--dry-run"
        case .apiURL: "--api-url"
        case .clientId: "--client-id"
        case .clientSecret: "--client-secret"
        case .personalAccessToken, .password, .privateKey, .accessToken: nil
        case .user: "--user"
        case .consumerKey: "--consumer-key"
        case .privateKeyFile: "--private-key-file"
        case .comment: "--comment"
        case .cacheDirectory: "--cache-dir"
        case .noCache: "--no-cache"
        case .caCertificate: "--ca-cert"
        case .timeout: "--timeout"
        case .retries: "--retries"
        case .softFail: "--soft-fail"
        case .verbose: "--verbose"
        case .gate: "--gate"
        case .services: "--service"
        case .gateWait: "--wait"
        case .gatePoll: "--poll"
        }
    }

    /// Variables that take several values separate them with commas.
    public var isList: Bool {
        [.issues, .projects, .ignorePrefixes, .junit, .services].contains(self)
    }

    /// Boolean variables accept 1/true/yes/on and 0/false/no/off.
    public var isSwitch: Bool {
        [.requireKeys, .dryRun, .noCache, .softFail, .verbose, .gate, .comment].contains(self)
    }

    /// "`--repo` (or `JIRA_CI_REPO`)": how errors name a setting, so the user can fix it either way.
    public var bothNames: String { flag.map { "\($0) (or \(rawValue))" } ?? rawValue }

    /// Values never to show in messages or traces.
    public var isSecret: Bool {
        [.clientSecret, .personalAccessToken, .password, .privateKey, .accessToken].contains(self)
    }
}
