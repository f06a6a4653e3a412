/// What each CI's own environment says about the run, by the `JIRA_CI_*` setting it fills. Pure: it reads the
/// dictionary it is given (TeamCity's build properties, read by the caller, appear under their dotted names).
/// Explicit flags and `JIRA_CI_*` variables always win over these facts.
///
/// Pipeline grouping: the detected pipeline name is the CI's job or workflow, so the derived pipeline id is the
/// repository plus that name. Jenkins multibranch jobs are one job per branch (JOB_NAME includes the branch), so each
/// branch is its own pipeline there, as Jenkins shows it; the other CIs group a workflow's branches together.
public enum CIDetector {
    public static func detect(_ environment: [String: String]) -> DetectedCI? {
        let reader = Reader(environment: environment)
        return systems.lazy.compactMap { $0.detect(reader) }.first
    }

    struct System: Sendable {
        let name: String
        let marker: String
        let rules: @Sendable (Reader) -> [(Variable, (value: String, variable: String)?)]

        func detect(_ reader: Reader) -> DetectedCI? {
            guard reader[marker] != nil else { return nil }
            var facts: [Variable: DetectedCI.Fact] = [:]
            var unusable: [Variable: DetectedCI.Fact] = [:]
            for (setting, found) in rules(reader) {
                guard let found, facts[setting] == nil else { continue }
                let fact = DetectedCI.Fact(value: found.value, variable: found.variable)
                // Build numbers may be any text in some CIs (TeamCity's `1.4.2-rc`); Jira takes numbers only. A link
                // from the environment gets the rule of the URL flags: absolute http(s), no credentials.
                if !CIDetector.isUsable(found.value, for: setting) {
                    unusable[setting] = unusable[setting] ?? fact
                    continue
                }
                facts[setting] = fact
            }
            return DetectedCI(name: name, facts: facts, unusable: unusable.filter { facts[$0.key] == nil })
        }
    }

    static func isUsable(_ value: String, for setting: Variable) -> Bool {
        switch setting {
        case .buildNumber, .deploymentNumber: (try? PayloadNumber.parse(value)) != nil
        case .buildURL, .pipelineURL: (try? WebURL.parse(value)) != nil
        default: true
        }
    }

    struct Reader {
        let environment: [String: String]

        subscript(_ name: String) -> String? {
            environment[name].flatMap { $0.trimmed.isEmpty || $0 == "null" ? nil : $0.trimmed }
        }

        func take(_ names: String...) -> (value: String, variable: String)? {
            for name in names { if let value = self[name] { return (value, name) } }
            return nil
        }

        /// `%2F` and the like undone, as Jenkins encodes branch names in job names.
        func decoded(_ found: (value: String, variable: String)?) -> (value: String, variable: String)? {
            found.map { (PercentEncoding.decode($0.value), $0.variable) }
        }

        /// A commit id that is not git's "no commit" (forty zeros).
        func commit(_ name: String) -> (value: String, variable: String)? {
            guard let value = self[name], value.contains(where: { $0 != "0" }) else { return nil }
            return (value, name)
        }
    }

    static let systems: [System] = [
        System(name: "Jenkins", marker: "JENKINS_URL") { env in
            [
                // Multibranch job names carry the branch URL-encoded (`shop/feature%2FABC-1`).
                (.pipelineName, env.decoded(env.take("JOB_NAME"))),
                (.pipelineURL, env.take("JOB_URL")),
                (.buildNumber, env.take("BUILD_NUMBER")),
                (.buildURL, env.take("BUILD_URL")),
                (.commit, env.take("GIT_COMMIT")),
                (.branch, env.decoded(env.take("CHANGE_BRANCH", "BRANCH_NAME", "GIT_BRANCH"))),
                (.prTitle, env.take("CHANGE_TITLE")),
                (.since, env.commit("GIT_PREVIOUS_SUCCESSFUL_COMMIT")),
            ]
        },
        System(name: "GitHub Actions", marker: "GITHUB_ACTIONS") { env in
            let runURL = env["GITHUB_SERVER_URL"].flatMap { server in
                env["GITHUB_REPOSITORY"].flatMap { repo in
                    env["GITHUB_RUN_ID"].map { "\(server)/\(repo)/actions/runs/\($0)" }
                }
            }
            let branch =
                env.take("GITHUB_HEAD_REF")
                ?? (env["GITHUB_REF"]?.hasPrefix("refs/heads/") == true ? env.take("GITHUB_REF_NAME") : nil)
            return [
                (.pipelineName, env.take("GITHUB_WORKFLOW")),
                (.buildNumber, env.take("GITHUB_RUN_NUMBER")),
                (.buildURL, runURL.map { ($0, "GITHUB_RUN_ID") }),
                (.commit, env.take("GITHUB_SHA")),
                (.branch, branch),
            ]
        },
        System(name: "GitLab CI", marker: "GITLAB_CI") { env in
            [
                (.pipelineName, env.take("CI_PROJECT_PATH")),
                (.pipelineURL, env.take("CI_PROJECT_URL")),
                (.buildNumber, env.take("CI_PIPELINE_IID")),
                (.buildURL, env.take("CI_PIPELINE_URL")),
                (.commit, env.take("CI_COMMIT_SHA")),
                (.branch, env.take("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_BRANCH")),
                (.prTitle, env.take("CI_MERGE_REQUEST_TITLE")),
                (.since, env.commit("CI_COMMIT_BEFORE_SHA")),
            ]
        },
        System(name: "Bitbucket Pipelines", marker: "BITBUCKET_BUILD_NUMBER") { env in
            let url = env["BITBUCKET_GIT_HTTP_ORIGIN"].flatMap { origin in
                env["BITBUCKET_BUILD_NUMBER"].map { "\(origin)/addon/pipelines/home#!/results/\($0)" }
            }
            return [
                (.pipelineName, env.take("BITBUCKET_REPO_FULL_NAME")),
                (.buildNumber, env.take("BITBUCKET_BUILD_NUMBER")),
                (.buildURL, url.map { ($0, "BITBUCKET_BUILD_NUMBER") }),
                (.commit, env.take("BITBUCKET_COMMIT")),
                (.branch, env.take("BITBUCKET_BRANCH")),
            ]
        },
        System(name: "CircleCI", marker: "CIRCLECI") { env in
            [
                (.pipelineName, env.take("CIRCLE_PROJECT_REPONAME")),
                (.buildNumber, env.take("CIRCLE_BUILD_NUM")),
                (.buildURL, env.take("CIRCLE_BUILD_URL")),
                (.commit, env.take("CIRCLE_SHA1")),
                (.branch, env.take("CIRCLE_BRANCH")),
            ]
        },
        System(name: "Buildkite", marker: "BUILDKITE") { env in
            [
                (.pipelineName, env.take("BUILDKITE_PIPELINE_SLUG")),
                (.buildNumber, env.take("BUILDKITE_BUILD_NUMBER")),
                (.buildURL, env.take("BUILDKITE_BUILD_URL")),
                (.commit, env.take("BUILDKITE_COMMIT")),
                (.branch, env.take("BUILDKITE_BRANCH")),
            ]
        },
        System(name: "Azure Pipelines", marker: "TF_BUILD") { env in
            let url = env["SYSTEM_COLLECTIONURI"].flatMap { collection in
                env["SYSTEM_TEAMPROJECT"].flatMap { project in
                    env["BUILD_BUILDID"].map {
                        "\(collection)\(PercentEncoding.encode(project))/_build/results?buildId=\($0)"
                    }
                }
            }
            return [
                (.pipelineName, env.take("BUILD_DEFINITIONNAME")),
                (.buildNumber, env.take("BUILD_BUILDID")),
                (.buildURL, url.map { ($0, "BUILD_BUILDID") }),
                (.commit, env.take("BUILD_SOURCEVERSION")),
                (.branch, env.take("SYSTEM_PULLREQUEST_SOURCEBRANCH", "BUILD_SOURCEBRANCH")),
            ]
        },
        System(name: "TeamCity", marker: "TEAMCITY_VERSION") { env in
            [
                (.pipelineName, env.take("TEAMCITY_BUILDCONF_NAME")),
                (.buildNumber, env.take("BUILD_NUMBER")),
                // TeamCity build numbers may be any text; its numeric build id is in the build properties.
                (.buildNumber, env.take(TeamCity.buildIdProperty)),
                (.commit, env.take("BUILD_VCS_NUMBER")),
            ]
        },
    ]
}
