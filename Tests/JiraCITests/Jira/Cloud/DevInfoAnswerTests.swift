import Testing

@testable import JiraCI

struct DevInfoAnswerTests {
    static func commit(_ id: String) -> DevInfoCommit {
        DevInfoCommit(
            id: id, issueKeys: ["ABC-1"], updateSequenceId: 1, message: "m", author: .init(name: "a", email: nil),
            authorTimestamp: "2026-01-01T00:00:00.000Z", displayId: String(id.prefix(7)), fileCount: 0,
            url: "https://example.com/c/\(id)", flags: nil, files: nil)
    }

    static let repository = DevInfoRepository(
        id: "repo-1", name: "shop", url: "https://example.com/shop", updateSequenceId: 1,
        commits: [commit("c1"), commit("c2")],
        branches: [
            DevInfoBranch(
                id: "b1", issueKeys: ["ABC-1"], updateSequenceId: 1, name: "main", lastCommit: commit("c2"),
                url: "https://example.com/b/main", createPullRequestUrl: nil)
        ])
    static let report = Sample.report(.devinfo(repository))

    @Test(arguments: [
        (#"{"acceptedDevinfoEntities":{"repo-1":{"commits":["c1","c2"],"branches":["b1"]}}}"#, "accepted"),
        (
            #"{"acceptedDevinfoEntities":{"repo-1":{"commits":["c2","c1","c9"],"branches":["b1"]}},"unknownIssueKeys":["ABC-1"]}"#,
            "accepted"
        ),
        (#"{"acceptedDevinfoEntities":{"repo-1":{"commits":["c1"],"branches":["b1"]}}}"#, "failed"),
        (#"{"acceptedDevinfoEntities":{"repo-2":{"commits":["c1","c2"],"branches":["b1"]}}}"#, "failed"),
        (#"{"acceptedDevinfoEntities":{"repo-1":{"commits":["c1","c2"]}}}"#, "failed"),
        (
            #"{"acceptedDevinfoEntities":{"repo-1":{"commits":["c1","c2"],"branches":["b1"]}},"failedDevinfoEntities":{"repo-1":{"commits":[{"id":"c2","errorMessages":[{"message":"too long"}]}]}}}"#,
            "rejected"
        ),
        (#"{"failedDevinfoEntities":{"repo-1":{"errorMessages":[{"message":"repository gone"}]}}}"#, "rejected"),
        (#"{}"#, "failed"),
        ("", "failed"),
        ("[[[[", "failed"),
    ])
    func aRepositoryIsAcceptedOnlyWhenEveryEntityIs(body: String, expected: String) {
        let results = CloudDelivery.devinfoResults(
            of: HTTPResponse(status: 202, body: Array(body.utf8)), for: [Self.report])
        #expect(results.map(\.kindName) == [expected])
    }

    @Test func theRejectionNamesTheEntity() {
        let body =
            #"{"failedDevinfoEntities":{"repo-1":{"branches":[{"id":"b1","errorMessages":[{"message":"bad name"}]}]}}}"#
        let result = CloudDelivery.devinfoResults(
            of: HTTPResponse(status: 202, body: Array(body.utf8)), for: [Self.report])[0]
        #expect(
            result.outcome?.rejected.first?.key
                == .object(["repositoryId": .string("repo-1"), "branch": .string("b1")]))
        #expect(result.outcome?.rejectionSummary == "branch b1 of repo-1: bad name")
    }

    @Test func mangledAnswersNeverAcceptAnUnlistedEntity() {
        var random = SplitMix64(seed: 0xDE7)
        let good = Array(#"{"acceptedDevinfoEntities":{"repo-1":{"commits":["c1","c2"],"branches":["b1"]}}}"#.utf8)
        for _ in 0..<1500 {
            var body = good
            for _ in 0..<Int.random(in: 1...5, using: &random) { body = random.mutated(body) }
            let result = CloudDelivery.devinfoResults(of: HTTPResponse(status: 202, body: body), for: [Self.report])[0]
            guard result.kindName == "accepted" else { continue }
            let answer = try? JSON.decode(JSONValue.self, from: body)
            let accepted = answer?["acceptedDevinfoEntities"]?["repo-1"]
            let commits = Set((accepted?["commits"]?.arrayValue ?? []).compactMap(\.stringValue))
            let branches = Set((accepted?["branches"]?.arrayValue ?? []).compactMap(\.stringValue))
            #expect(
                commits.isSuperset(of: ["c1", "c2"]) && branches.contains("b1"),
                "\(String(decoding: body, as: UTF8.self))")
        }
    }
}
