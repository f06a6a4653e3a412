/// A remote issue link as Jira Server's REST API v2 takes it. One link per build (pipeline + build number)
/// or per deployment target (pipeline + environment): posting the same `globalId` again updates it in place.
public struct RemoteLink: Sendable, Codable, Equatable {
    public struct Application: Sendable, Codable, Equatable {
        public var type: String
        public var name: String
    }

    public struct Object: Sendable, Codable, Equatable {
        public struct Status: Sendable, Codable, Equatable {
            public struct Icon: Sendable, Codable, Equatable {
                public var title: String
                public var link: String
            }
            public var resolved: Bool
            public var icon: Icon
        }
        public var url: String
        public var title: String
        public var summary: String
        public var status: Status
    }

    public var globalId: String
    public var application: Application
    public var relationship: String
    public var object: Object

    public init(subject: ReportSubject) {
        let application = Application(type: "org.jira-ci", name: "jira-ci")
        let commit = String(subject.commitSHA.prefix(12))
        var context = [subject.branch.map { "branch \($0)" }, "commit \(commit)"].compactMap { $0 }
        switch subject.entity {
        case .build(let build):
            context.append(build.lastUpdated)
            self.init(
                globalId: Identifiers.bounded("jira-ci:build:\(build.pipelineId):\(build.buildNumber)", limit: 255),
                application: application,
                relationship: "built by",
                object: Object(
                    url: build.url,
                    title: FieldLimits.shortened("Build \(build.buildNumber) of \(subject.pipelineName): \(build.state.rawValue)", limit: 255)
                        ?? "Build \(build.buildNumber) of \(subject.pipelineName): \(build.state.rawValue)",
                    summary: ([build.label].compactMap { $0 } + context).joined(separator: ", "),
                    status: .init(resolved: build.state.isFinal, icon: .init(title: build.state.rawValue, link: build.url))))
        case .deployment(let deployment):
            context.append(deployment.lastUpdated)
            let title = "Deployed to \(deployment.environment.displayName): \(deployment.state.rawValue)"
            self.init(
                globalId: Identifiers.bounded("jira-ci:deployment:\(deployment.pipeline.id):\(deployment.environment.id)", limit: 255),
                application: application,
                relationship: "deployed by",
                object: Object(
                    url: deployment.url,
                    title: FieldLimits.shortened(title, limit: 255) ?? title,
                    summary: (["\(subject.pipelineName) #\(deployment.deploymentSequenceNumber)"] + [deployment.label].compactMap { $0 } + context)
                        .joined(separator: ", "),
                    status: .init(resolved: deployment.state.isFinal, icon: .init(title: deployment.state.rawValue, link: deployment.url))))
        }
    }

    init(globalId: String, application: Application, relationship: String, object: Object) {
        self.globalId = globalId
        self.application = application
        self.relationship = relationship
        self.object = object
    }

    /// The optional comment's text: the same facts in one line.
    var commentBody: String {
        "jira-ci: \(object.title) (\(object.summary)) \(object.url)"
    }
}

/// Server-only report options.
public struct ServerReportOptions: Sendable {
    public var comment: Bool

    public init(comment: Bool = false) {
        self.comment = comment
    }
}
