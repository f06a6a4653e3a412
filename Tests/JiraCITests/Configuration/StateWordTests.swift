import Testing

@testable import JiraCI

struct StateWordTests {
    @Test(arguments: [
        // Azure Pipelines
        ("Succeeded", BuildState.successful), ("SucceededWithIssues", .failed), ("Failed", .failed),
        ("Canceled", .cancelled),
        // GitHub Actions
        ("success", .successful), ("failure", .failed), ("cancelled", .cancelled),
        // GitLab CI
        ("failed", .failed), ("canceled", .cancelled), ("running", .inProgress), ("pending", .pending),
        // Bitbucket Pipelines
        ("SUCCESSFUL", .successful), ("FAILED", .failed), ("STOPPED", .cancelled),
        // Jenkins
        ("SUCCESS", .successful), ("UNSTABLE", .failed), ("FAILURE", .failed), ("ABORTED", .cancelled),
        ("NOT_BUILT", .unknown),
        // Others and spellings
        ("passed", .successful), ("error", .failed), ("succeeded_with_issues", .failed), ("started", .inProgress),
        ("in_progress", .inProgress), ("in-progress", .inProgress), ("In-Progress", .inProgress),
        ("inprogress", .inProgress),
        ("queued", .pending), ("waiting", .pending), ("not-built", .unknown), ("skipped", .unknown),
        ("unknown", .unknown),
        ("  success\n", .successful),
        // Buildkite step outcomes and build states
        ("hard_failed", .failed), ("soft_failed", .failed), ("errored", .failed), ("waiting_failed", .failed),
        ("canceling", .cancelled), ("blocked", .pending), ("scheduled", .pending), ("neutral", .unknown),
        ("not_run", .unknown),
        ("failing", .inProgress),
        // An exit status handed over as the state ($BITBUCKET_EXIT_CODE, $?)
        ("0", .successful), ("000", .successful), ("1", .failed), ("255", .failed), ("-1", .failed),
        ("4294967295", .failed),
        (" 2 ", .failed), ("99999999999999999999999", .failed),
    ])
    func everyCIsWordMapsToJirasState(word: String, state: BuildState) throws {
        #expect(BuildState(word: word) == state)
        #expect(try BuildState.parse(word) == state)
        #expect(DeploymentState(word: word)?.rawValue == state.rawValue)
    }

    @Test func unknownWordsAreRejectedWithTheNearestSuggestion() {
        #expect(BuildState(word: "green") == nil)
        #expect(BuildState(word: "rolled_back") == nil)
        #expect(BuildState(word: "") == nil)
        #expect(BuildState(word: "-") == nil)
        #expect(BuildState(word: "1.0") == nil)
        #expect(BuildState(word: "0x1") == nil)
        #expect(throws: ValueError.self) { try BuildState.parse("sucess") }
        #expect((Self.refusal { try BuildState.parse("sucess") })?.suggestion == "success")
        #expect((Self.refusal { try BuildState.parse("faild") })?.suggestion == "failed")
        #expect((Self.refusal { try BuildState.parse("zzzzzzzz") })?.suggestion == nil)
        #expect((Self.refusal { try DeploymentState.parse("rollbak") })?.suggestion == "rollback")
    }

    /// The ValueError `body` throws, or nil when it succeeds.
    static func refusal<T>(_ body: () throws -> T) -> ValueError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? ValueError
        }
    }

    @Test func deploymentsAlsoRollBack() {
        for word in ["rolled_back", "ROLLED-BACK", "rollback", "RolledBack"] {
            #expect(DeploymentState(word: word) == .rolledBack, "\(word)")
        }
        #expect(DeploymentState(word: "Success") == .successful)
        #expect(DeploymentState.rolledBack.isFinal)
    }

    @Test func finalStatesEndARun() {
        #expect(BuildState.allCases.filter(\.isFinal) == [.successful, .failed, .cancelled])
        #expect(DeploymentState.allCases.filter(\.isFinal) == [.successful, .failed, .cancelled, .rolledBack])
        // Every state's own API word is accepted as is.
        for state in BuildState.allCases { #expect(BuildState(word: state.rawValue) == state) }
        for state in DeploymentState.allCases { #expect(DeploymentState(word: state.rawValue) == state) }
    }
}
