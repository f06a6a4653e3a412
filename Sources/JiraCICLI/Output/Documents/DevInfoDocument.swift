import JiraCI

/// `devinfo --json`: `{"accepted":{repositoryId:{"commits":[…],"branches":[…]}},"failed":{…},"unknownIssueKeys":[…]}`.
struct DevInfoDocument: Encodable {
    struct Entities: Encodable {
        var commits: [String] = []
        var branches: [String] = []
        var deletedBranches: [String]?
    }

    struct Failure: Encodable {
        let id: String
        let errorMessages: [JSONValue]
    }

    struct Failed: Encodable {
        var commits: [Failure] = []
        var branches: [Failure] = []
        var errorMessages: [JSONValue] = []
    }

    var accepted: [String: Entities] = [:]
    var failed: [String: Failed] = [:]
    var unknownIssueKeys: [String] = []

    init(reports: [Report], results: [DeliveryResult]) {
        for result in results {
            // Jira lists what it took, also of a report whose other entities it failed.
            for taken in result.outcome?.accepted ?? [] {
                guard let repository = taken["repositoryId"]?.stringValue else { continue }
                accepted[repository, default: Entities()].commits += (taken["commits"]?.arrayValue ?? []).compactMap(
                    \.stringValue)
                accepted[repository, default: Entities()].branches += (taken["branches"]?.arrayValue ?? []).compactMap(
                    \.stringValue)
                if let branch = taken["deletedBranch"]?.stringValue {
                    accepted[repository, default: Entities()].deletedBranches =
                        (accepted[repository]?.deletedBranches ?? []) + [branch]
                }
            }
            for rejection in result.outcome?.rejected ?? [] {
                guard let repository = rejection.key["repositoryId"]?.stringValue else { continue }
                if let commit = rejection.key["commit"]?.stringValue {
                    failed[repository, default: Failed()].commits.append(
                        Failure(id: commit, errorMessages: rejection.errors))
                } else if let branch = rejection.key["branch"]?.stringValue {
                    failed[repository, default: Failed()].branches.append(
                        Failure(id: branch, errorMessages: rejection.errors))
                } else {
                    failed[repository, default: Failed()].errorMessages += rejection.errors
                }
            }
            unknownIssueKeys = (unknownIssueKeys + (result.outcome?.unknownIssueKeys ?? [])).uniqued()
        }
    }

}
