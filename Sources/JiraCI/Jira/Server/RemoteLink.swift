/// A remote issue link as Jira Server's REST API v2 takes it. One link per build (pipeline + build number),
/// per deployment target (pipeline + environment), or per branch: posting the same `globalId` again updates
/// it in place.
public struct RemoteLink: Sendable, Codable, Equatable {
    public struct Application: Sendable, Codable, Equatable {
        public var type: String
        public var name: String

        static let jiraCI = Application(type: "org.jira-ci", name: "jira-ci")
    }

    public struct Object: Sendable, Codable, Equatable {
        public struct Status: Sendable, Codable, Equatable {
            public struct Icon: Sendable, Codable, Equatable {
                public var url16x16: String
                public var title: String
                public var link: String
            }
            /// Jira strikes a resolved link through, which reads as stale: a current result never is.
            public var resolved: Bool
            public var icon: Icon
        }
        public var url: String
        public var title: String
        public var summary: String
        public var status: Status?
    }

    public var globalId: String
    public var application: Application
    public var relationship: String
    public var object: Object

    init(globalId: String, relationship: String, object: Object) {
        self.globalId = Identifiers.bounded(globalId, limit: 255)
        self.application = .jiraCI
        self.relationship = relationship
        self.object = object
    }

    /// "Build 42 of shop-api: successful", with the state's icon.
    /// - Parameter site: the Jira base URL; the status icons are Jira's own.
    public init(build: Build, context: ReportContext, site: String) {
        self.init(
            globalId: "jira-ci:build:\(build.pipelineId):\(build.buildNumber)",
            relationship: "built by",
            object: Object(
                url: build.url,
                title: FieldLimits.fitted(
                    "Build \(build.buildNumber) of \(context.pipelineName): \(build.state.rawValue)", limit: 255),
                summary: ([build.label].compactMap { $0 } + Self.facts(context) + [build.lastUpdated]).joined(
                    separator: ", "),
                status: Self.status(build.state.rawValue, link: build.url, site: site)))
    }

    /// "Deployed to production: successful", one link per pipeline and environment, with the state's icon.
    public init(deployment: Deployment, context: ReportContext, site: String) {
        self.init(
            globalId: "jira-ci:deployment:\(deployment.pipeline.id):\(deployment.environment.id)",
            relationship: "deployed by",
            object: Object(
                url: deployment.url,
                title: FieldLimits.fitted(
                    "Deployed to \(deployment.environment.displayName): \(deployment.state.rawValue)", limit: 255),
                summary: (["\(context.pipelineName) #\(deployment.deploymentSequenceNumber)"]
                    + [deployment.label].compactMap { $0 }
                    + Self.facts(context) + [deployment.lastUpdated]).joined(separator: ", "),
                status: Self.status(deployment.state.rawValue, link: deployment.url, site: site)))
    }

    /// "Branch feature/ABC-1 of shop-api: 3 commits, last 1a2b3c4 'Fix login'", updated on each push.
    public init(branch: DevInfoBranch, repository: DevInfoRepository, commitCount: Int) {
        let subject = branch.lastCommit.message.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let commits = "\(commitCount) commit\(commitCount == 1 ? "" : "s")"
        self.init(
            globalId: Self.branchGlobalId(repositoryId: repository.id, branchId: branch.id),
            relationship: "in branch",
            object: Object(
                url: branch.url,
                title: FieldLimits.fitted(
                    "Branch \(branch.name) of \(repository.name): \(commits), last \(branch.lastCommit.displayId) '\(subject)'",
                    limit: 255),
                summary:
                    "\(repository.name), last commit by \(branch.lastCommit.author.name) at \(branch.lastCommit.authorTimestamp)",
                status: nil))
    }

    static func branchGlobalId(repositoryId: String, branchId: String) -> String {
        Identifiers.bounded("jira-ci:branch:\(repositoryId):\(branchId)", limit: 255)
    }

    static func facts(_ context: ReportContext) -> [String] {
        [context.branch.map { "branch \($0)" }, "commit \(context.commitSHA.prefix(12))"].compactMap { $0 }
    }

    /// The state as an icon beside the link: Jira's own emoticons, so the Jira instance always serves them.
    static func status(_ state: String, link: String, site: String) -> Object.Status {
        let icon =
            switch state {
            case "successful": "check"
            case "failed": "error"
            case "cancelled": "forbidden"
            case "rolled_back": "warning"
            case "in_progress", "pending": "information"
            default: "help_16"
            }
        return .init(
            resolved: false,
            icon: .init(url16x16: "\(site)/images/icons/emoticons/\(icon).png", title: state, link: link))
    }

    /// The optional comment's text: the same facts in one line.
    var commentBody: String {
        "jira-ci: \(object.title) (\(object.summary)) \(object.url)"
    }
}
