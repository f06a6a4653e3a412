import Testing

@testable import JiraCI

struct ServerAuthProblemTests {
    @Test func findsTheProblemInHeaderOrBody() {
        #expect(ServerAuthProblem.problem(in: #"OAuth realm="x", oauth_problem="token_rejected""#) == "token_rejected")
        #expect(
            ServerAuthProblem.problem(in: "oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1-2")
                == "timestamp_refused")
        #expect(ServerAuthProblem.problem(in: "nothing here") == nil)
    }
}
