import Testing

@testable import JiraCI

struct CIDetectorTests {
    static func facts(_ environment: [String: String]) -> [Variable: String] {
        (CIDetector.detect(environment)?.facts ?? [:]).mapValues(\.value)
    }

    @Test func jenkins() {
        let detected = CIDetector.detect([
            "JENKINS_URL": "https://ci/", "JOB_NAME": "shop/main", "JOB_URL": "https://ci/job/shop/",
            "BUILD_NUMBER": "42",
            "BUILD_URL": "https://ci/job/shop/42/", "GIT_COMMIT": "abc", "GIT_BRANCH": "origin/main",
            "CHANGE_BRANCH": "feature/X-1",
            "CHANGE_TITLE": "X-1 title", "GIT_PREVIOUS_SUCCESSFUL_COMMIT": "def",
        ])
        #expect(detected?.name == "Jenkins")
        #expect(detected?.facts[.branch] == .init(value: "feature/X-1", variable: "CHANGE_BRANCH"))
        #expect(
            detected?.facts.mapValues(\.value) == [
                .pipelineName: "shop/main", .pipelineURL: "https://ci/job/shop/", .buildNumber: "42",
                .buildURL: "https://ci/job/shop/42/", .commit: "abc", .branch: "feature/X-1", .prTitle: "X-1 title",
                .since: "def",
            ])
    }

    @Test func jenkinsFirstBuildHasNoSinceAndNullIsUnset() {
        let facts = Self.facts(["JENKINS_URL": "x", "GIT_PREVIOUS_SUCCESSFUL_COMMIT": "null", "BRANCH_NAME": "main"])
        #expect(facts[.since] == nil)
        #expect(facts[.branch] == "main")
    }

    @Test func githubActions() {
        #expect(
            Self.facts([
                "GITHUB_ACTIONS": "true", "GITHUB_WORKFLOW": "CI", "GITHUB_RUN_NUMBER": "7", "GITHUB_RUN_ID": "999",
                "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/shop", "GITHUB_SHA": "abc",
                "GITHUB_REF": "refs/heads/feature/A-1", "GITHUB_REF_NAME": "feature/A-1",
            ]) == [
                .pipelineName: "CI", .buildNumber: "7", .buildURL: "https://github.com/acme/shop/actions/runs/999",
                .commit: "abc",
                .branch: "feature/A-1",
            ])
        #expect(
            Self.facts(["GITHUB_ACTIONS": "true", "GITHUB_REF": "refs/tags/v1", "GITHUB_REF_NAME": "v1"])[.branch]
                == nil)
        #expect(
            Self.facts(["GITHUB_ACTIONS": "true", "GITHUB_HEAD_REF": "pr-branch", "GITHUB_REF": "refs/pull/1/merge"])[
                .branch] == "pr-branch")
    }

    @Test func gitlab() {
        let facts = Self.facts([
            "GITLAB_CI": "true", "CI_PROJECT_PATH": "g/shop", "CI_PIPELINE_IID": "12",
            "CI_PIPELINE_URL": "https://gl/p/12",
            "CI_COMMIT_SHA": "abc", "CI_COMMIT_BRANCH": "main", "CI_MERGE_REQUEST_TITLE": "G-1 mr",
            "CI_COMMIT_BEFORE_SHA": "0000000000000000000000000000000000000000",
        ])
        #expect(
            facts[.buildNumber] == "12" && facts[.prTitle] == "G-1 mr" && facts[.since] == nil
                && facts[.branch] == "main")
    }

    @Test func othersAndNonNumericBuildNumbers() {
        #expect(
            Self.facts([
                "BITBUCKET_BUILD_NUMBER": "5", "BITBUCKET_COMMIT": "c", "BITBUCKET_BRANCH": "b",
                "BITBUCKET_GIT_HTTP_ORIGIN": "https://bitbucket.org/a/s",
            ])[.buildURL]
                == "https://bitbucket.org/a/s/addon/pipelines/home#!/results/5")
        #expect(Self.facts(["CIRCLECI": "true", "CIRCLE_BUILD_NUM": "3", "CIRCLE_BRANCH": "dev"])[.branch] == "dev")
        #expect(
            Self.facts(["BUILDKITE": "true", "BUILDKITE_BUILD_NUMBER": "4", "BUILDKITE_PIPELINE_SLUG": "shop"])[
                .pipelineName] == "shop")
        #expect(
            Self.facts([
                "TF_BUILD": "True", "BUILD_BUILDID": "88", "SYSTEM_COLLECTIONURI": "https://dev.azure.com/acme/",
                "SYSTEM_TEAMPROJECT": "Shop App",
            ])[.buildURL] == "https://dev.azure.com/acme/Shop%20App/_build/results?buildId=88")
        #expect(Self.facts(["TEAMCITY_VERSION": "2024", "BUILD_NUMBER": "1.2.3-beta"])[.buildNumber] == nil)
        // A build number jira-ci cannot use is kept aside, so the run can say why it derived one instead.
        let teamCity = CIDetector.detect(["TEAMCITY_VERSION": "2024", "BUILD_NUMBER": "1.2.3-beta"])
        #expect(teamCity?.unusable[.buildNumber]?.value == "1.2.3-beta")
        #expect(teamCity?.unusable[.buildNumber]?.variable == "BUILD_NUMBER")
        let withId = CIDetector.detect([
            "TEAMCITY_VERSION": "2024", "BUILD_NUMBER": "1.2.3-beta", "teamcity.build.id": "812",
        ])
        #expect(withId?.facts[.buildNumber]?.value == "812" && withId?.unusable.isEmpty == true)
        #expect(CIDetector.detect(["JENKINS_URL": "x", "BUILD_NUMBER": "-3"])?.unusable[.buildNumber]?.value == "-3")
        #expect(CIDetector.detect(["CI": "true", "PATH": "/bin"]) == nil)
    }

    @Test func jenkinsNullResultMeansInProgress() {
        let jenkins = SettingsSource(
            environment: ["JENKINS_URL": "x"], detected: CIDetector.detect(["JENKINS_URL": "x"]))
        #expect(jenkins.stateWord("") == "in_progress")
        #expect(jenkins.stateWord("null") == "in_progress")
        #expect(jenkins.stateWord(nil) == "in_progress")
        #expect(jenkins.stateWord("SUCCESS") == "SUCCESS")
        #expect(SettingsSource(environment: [:]).stateWord("") == nil)
    }
}
