/// Every setting jira-ci takes, by the environment variable that gives it. `--help`, `env`, the README table, the
/// variable fallback, the defaults and the hand-over to a detached run all come from this one list and its
/// declarations.
public enum Variable: String, CaseIterable, Sendable {
    // Where keys come from
    case repo = "JIRA_CI_REPO"
    case repositoryURL = "JIRA_CI_REPOSITORY_URL"
    case commit = "JIRA_CI_COMMIT"
    case branch = "JIRA_CI_BRANCH"
    case since = "JIRA_CI_SINCE"
    case sinceTag = "JIRA_CI_SINCE_TAG"
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
    // Nothing lost
    case outbox = "JIRA_CI_OUTBOX"
    case noOutbox = "JIRA_CI_NO_OUTBOX"
    case hookStdin = "JIRA_CI_HOOK_STDIN"
    case hookBudget = "JIRA_CI_HOOK_BUDGET"
    case giveUpAfter = "JIRA_CI_GIVE_UP_AFTER"
    case allowInsecureHTTP = "JIRA_CI_ALLOW_INSECURE_HTTP"
    // Development information
    case backfill = "JIRA_CI_BACKFILL"
    case allBranches = "JIRA_CI_ALL_BRANCHES"
    case preventTransitions = "JIRA_CI_PREVENT_TRANSITIONS"
    case commitURLTemplate = "JIRA_CI_COMMIT_URL_TEMPLATE"
    case branchURLTemplate = "JIRA_CI_BRANCH_URL_TEMPLATE"
    case fileURLTemplate = "JIRA_CI_FILE_URL_TEMPLATE"
    // Output
    case json = "JIRA_CI_JSON"
    case explain = "JIRA_CI_EXPLAIN"
    // auth server-login
    case verifier = "JIRA_CI_OAUTH_VERIFIER"
    case tokenOutput = "JIRA_CI_TOKEN_OUTPUT"
    case printToken = "JIRA_CI_PRINT_TOKEN"

    /// Everything about the setting, declared here once.
    public var declaration: SettingDeclaration {
        switch self {
        case .repo: .value("--repo", "A work tree or bare repository.", default: ".")
        case .repositoryURL:
            .value(
                "--repository-url",
                "The repository's web address, when git has no remote to tell it (a plain git server).")
        case .commit: .value("--commit", "The commit that was built or deployed.", default: "HEAD")
        case .branch:
            .value(
                "--branch", "Branch name to scan (refs/heads/ and origin/ are stripped).",
                note: "the current branch; none when detached")
        case .since: .value("--since", "Also scan every commit reachable from --commit but not from this one.")
        case .sinceTag:
            .value(
                "--since-tag",
                "Scan every commit since the newest tag matching this pattern before --commit, e.g. 'v*' (a release's keys)."
            )
        case .maxCommits:
            .value("--max-commits", "Stop scanning after this many commits, newest first.", default: "1000")
        case .prTitle: .value("--pr-title", "A pull request title to scan.")
        case .issues: .list("--issue", "An issue key to include (repeatable; the variable takes them comma-separated).")
        case .projects:
            .list(
                "--project",
                "Only keys of this project count, in any case (repeatable; auto: the projects a Jira Server user sees)."
            )
        case .ignorePrefixes:
            .list("--ignore-prefix", "A project part that is never a key (repeatable; adds to the defaults).")
        case .requireKeys: .toggle("--require-keys", "Fail with exit code 7 when no issue key is found.")
        case .state:
            .value(
                "--state",
                "The result: pending, in_progress, successful, failed, cancelled or unknown (deployments also rolled_back), a CI's word for one (SUCCESS, Succeeded, failure, ABORTED, hard_failed, …) or an exit status (0 is successful)."
            )
        case .pipelineId:
            .value(
                "--pipeline-id", "Stable id of the pipeline (made URL-safe).",
                note: "from the git remote and --pipeline-name")
        case .pipelineName:
            .value(
                "--pipeline-name", "Pipeline name shown in Jira.",
                note: "the CI's job or workflow, else the repository name")
        case .pipelineURL:
            .value("--pipeline-url", "Link to the pipeline or job.", note: "the CI's, else the build URL")
        case .buildNumber: .value("--build-number", "Build number.", note: "the CI's, else one derived from the commit")
        case .buildURL: .value("--build-url", "Link to this build in your CI.", note: "the CI's")
        case .label: .value("--label", "A short label, e.g. the version.")
        case .description: .value("--description", "A description of at most 255 characters.")
        case .tests: .value("--tests", "Test counts TOTAL,PASSED,FAILED[,SKIPPED].")
        case .junit: .list("--junit", "A JUnit XML report to count tests from (repeatable).")
        case .updateSequenceNumber:
            .value(
                "--update-sequence-number", "Override the strictly increasing update sequence number.",
                note: "microseconds since the epoch")
        case .environment: .value("--environment", "Environment name, e.g. production or staging-eu.")
        case .environmentId: .value("--environment-id", "Stable environment id (made URL-safe).", note: "from the name")
        case .environmentType:
            .value(
                "--environment-type", "The environment's type.", note: "from --environment-map, else the name's words")
        case .environmentMap:
            .value("--environment-map", "Rules 'PATTERN=TYPE,…' on the environment name, checked first.")
        case .environmentURL:
            .value("--environment-url", "Where the deployed environment lives (shown in the description).")
        case .deploymentNumber: .value("--deployment-number", "Deployment sequence number.", note: "the build number")
        case .jiraURL:
            .value("--jira-url", "Your Jira site, e.g. https://acme.atlassian.net or https://jira.example.com/jira.")
        case .flavor:
            .value(
                "--flavor", "Jira Cloud or Jira Server/Data Center.",
                note: "cloud for *.atlassian.net and *.jira.com, else what the site says")
        case .cloudId: .value("--cloud-id", "The site's cloudId.", note: "looked up from the site and cached")
        case .dryRun: .toggle("--dry-run", "Show exactly what would be sent; needs no credentials and no network.")
        case .apiURL: .value("--api-url", "The Atlassian API host.", default: "https://api.atlassian.com")
        case .clientId:
            .value("--client-id", "OAuth client ID: Jira Cloud's OAuth credential, or a Data Center service account.")
        case .clientSecret:
            .value(
                "--client-secret", "Its client secret (prefer the variable: process lists show flags).", secret: true)
        case .personalAccessToken:
            .variableOnly("Jira Server/Data Center personal access token (wins over the others).")
        case .user: .value("--user", "Jira Server user for basic authentication (with JIRA_PASSWORD).")
        case .password: .variableOnly("The password of JIRA_USER.")
        case .consumerKey: .value("--consumer-key", "Jira Server OAuth 1.0a consumer key of the application link.")
        case .privateKey: .variableOnly("The application link's PEM private key text (escaped \\n tolerated).")
        case .privateKeyFile:
            .value(
                "--private-key-file",
                "Jira Server OAuth 1.0a PKCS#8 or PKCS#1 PEM private key file (or the PEM in JIRA_PRIVATE_KEY).")
        case .accessToken: .variableOnly("The OAuth 1.0a access token from `jira-ci auth server-login`.")
        case .comment: .toggle("--comment", "Jira Server: also add a comment to each issue.")
        case .cacheDirectory:
            .value(
                "--cache-dir", "Where tokens and cloudIds are cached.",
                note: "$XDG_CACHE_HOME/jira-ci or ~/.cache/jira-ci")
        case .noCache: .toggle("--no-cache", "Neither read nor write the token cache.")
        case .caCertificate:
            .value("--ca-cert", "A PEM CA bundle to trust in addition to the system's (TLS-inspecting proxies).")
        case .timeout:
            .value("--timeout", "Time allowed for each request, e.g. 30 or 30s.", default: "30s", hook: "10s")
        case .retries:
            .value("--retries", "Retries on 408, 429, 5xx, timeouts and dropped connections.", default: "4", hook: "0")
        case .softFail:
            .toggle(
                "--soft-fail",
                "Report failures to reach or satisfy Jira as warnings and exit 0 (not `gate`, which fails closed, nor `auth check`)."
            )
        case .verbose:
            .toggle("--verbose", "Trace every request and answer on stderr, secrets replaced by ***.", short: "v")
        case .gate: .toggle("--gate", "Ask Jira Service Management for a change-gating decision (needs --service).")
        case .services: .list("--service", "A Jira service id or key to associate (repeatable).")
        case .gateWait: .value("--wait", "How long to wait for a decision, e.g. 30m.", default: "10m")
        case .gatePoll: .value("--poll", "How often to ask, e.g. 30s.", default: "30s")
        case .outbox:
            .value(
                "--outbox", "Where reports Jira could not take wait.",
                note: "$XDG_STATE_HOME/jira-ci/outbox or ~/.local/state/jira-ci/outbox")
        case .noOutbox: .toggle("--no-outbox", "Neither queue undelivered reports nor deliver queued ones.")
        case .hookStdin:
            .toggle(
                "--hook-stdin",
                "Read `<old> <new> <ref>` lines of a git post-receive hook from stdin and report every pushed branch in one request; never fails or holds the push."
            )
        case .hookBudget:
            .value(
                "--hook-budget",
                "How long a hook may hold the push, reading git included; what it does not reach is queued and sent in the background.",
                default: "3s")
        case .giveUpAfter:
            .value("--give-up-after", "Stop sending after this long; what is left waits for the next run.")
        case .allowInsecureHTTP:
            .toggle(
                "--allow-insecure-http",
                "Allow plain http:// to a Jira Server that is not on this machine (credentials cross the network unencrypted)."
            )
        case .backfill:
            .toggle(
                "--backfill",
                "Send a whole history once (every commit reachable from --commit, or every branch with --all-branches, and not from --since): resumable, no issue transitions."
            )
        case .allBranches: .toggle("--all-branches", "With --backfill: every local branch and its history.")
        case .preventTransitions:
            .toggle(
                "--prevent-transitions", "Smart-commit transitions and notifications do not fire (default: Jira's).")
        case .commitURLTemplate:
            .value("--commit-url-template", "Web address of a commit on a host jira-ci does not know, with {sha}.")
        case .branchURLTemplate: .value("--branch-url-template", "Web address of a branch, with {branch}.")
        case .fileURLTemplate:
            .value("--file-url-template", "Web address of a file in a commit, with {sha} and {path}.")
        case .json: .toggle("--json", "Print machine-readable JSON on stdout.")
        case .explain: .toggle("--explain", "Print a table of each key and where it came from.")
        case .verifier:
            .value("--verifier", "The verification code Jira shows after approval.", note: "read from standard input")
        case .tokenOutput: .value("--output", "Write the access token to this file (created with mode 0600).")
        case .printToken: .toggle("--print", "Print the access token on stdout even when it is a terminal.")
        }
    }

    /// The flag the variable stands for; secrets that would show in process lists have none.
    public var flag: String? { declaration.flag }

    /// "`--repo` (or `JIRA_CI_REPO`)": how errors name a setting, so the user can fix it either way.
    public var bothNames: String { flag.map { "\($0) (or \(rawValue))" } ?? rawValue }

    /// Values never to show in messages or traces.
    public var isSecret: Bool { declaration.isSecret }
}
