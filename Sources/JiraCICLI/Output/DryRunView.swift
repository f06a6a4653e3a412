import JiraCI

/// What a dry run shows: the target, the keys and their sources, and each request exactly as it would be sent.
enum DryRunView {
    /// A dry run shown: the requests as JSON with `--json`; for people, the target, what was worked out (the
    /// sections) and each request as it would be sent.
    static func show(_ requests: [PreparedRequest], target: JiraTarget, sections: [[String]] = [], json: Bool) throws {
        if json {
            try Terminal.json(DryRunDocument(requests: requests))
        } else {
            Terminal.output(try lines(target: target, sections: sections, requests: requests))
        }
    }

    static func target(_ target: JiraTarget) -> String {
        switch target.flavor {
        case .cloud:
            let site = target.siteURL.map { "site \($0), " } ?? ""
            let cloudId = target.cloudId.map { "cloudId \($0)" } ?? "cloudId not known yet"
            return "Target: Jira Cloud (\(site)\(cloudId))"
        case .server:
            return
                "Target: Jira Server/Data Center (\(target.siteURL ?? "no --jira-url yet")): a remote link on each issue"
        }
    }

    /// Sections of lines, then each request with its body as pretty JSON (whose strings escape line breaks).
    private static func lines(target: JiraTarget, sections: [[String]], requests: [PreparedRequest]) throws -> [String]
    {
        var lines = ["Dry run: nothing was sent.", Self.target(target)]
        for section in sections {
            lines.append("")
            lines += section
        }
        for request in requests {
            lines.append("")
            lines.append("\(request.method) \(request.url)")
            if let body = request.body {
                let shown = DryRunDocument.body(body)
                let text = try shown.stringValue ?? JSON.string(shown, pretty: true)
                lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        return lines
    }

    /// The ids a report uses, as Jira will see them.
    static func identity(_ report: Report) -> String {
        switch report.entity {
        case .build(let build):
            "pipeline id \(build.pipelineId), build number \(build.buildNumber)"
        case .deployment(let deployment):
            "pipeline id \(deployment.pipeline.id), environment id \(deployment.environment.id) (\(deployment.environment.type.rawValue)), deployment \(deployment.deploymentSequenceNumber)"
        case .devinfo(let repository):
            "repository id \(repository.id)" + (repository.branches ?? []).map { ", branch id \($0.id)" }.joined()
        case .branchDeletion(let deletion):
            "repository id \(deletion.repositoryId), deleting branch id \(deletion.branchId)"
        }
    }
}
