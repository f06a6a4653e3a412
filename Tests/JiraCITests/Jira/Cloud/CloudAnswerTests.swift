import Testing

@testable import JiraCI

/// Jira's answers decide what leaves the outbox: a report comes back accepted only when the answer lists it as
/// accepted, and no answer (garbage, huge, deeply nested) can trap.
extension DeliveryResult {
    var kindName: String {
        switch self {
        case .accepted: "accepted"
        case .rejected: "rejected"
        case .failed: "failed"
        }
    }
}

struct CloudAnswerTests {
    static let reports: [Report] = [
        Sample.buildReport(number: 1, keys: ["ABC-1", "ABC-2"]),
        Sample.buildReport(number: 2, keys: ["ABC-3"]),
        Sample.report(.build(Sample.build(pipelineId: "other-pipeline", number: 1, keys: ["XYZ-9"]))),
    ]

    static func key(_ report: Report) -> String {
        guard case .build(let build) = report.entity else { return "{}" }
        return #"{"pipelineId":"\#(build.pipelineId)","buildNumber":\#(build.buildNumber)}"#
    }

    static func answer(_ json: String) -> HTTPResponse {
        HTTPResponse(status: 202, body: Array(json.utf8))
    }

    @Test func acceptedRejectedAndUnlistedReportsAreToldApart() {
        let body = """
            {"acceptedBuilds": [\(Self.key(Self.reports[0]))],
             "rejectedBuilds": [{"key": \(Self.key(Self.reports[1])), "errors": [{"message": "bad url"}]}],
             "unknownIssueKeys": ["ABC-2", "ABC-3", "NOPE-1"]}
            """
        let results = CloudDelivery.results(of: Self.answer(body), for: Self.reports)
        #expect(results.map(\.kindName) == ["accepted", "rejected", "failed"])
        #expect(results[0].outcome?.accepted == [Self.reports[0].entity.apiKey])
        #expect(results[0].outcome?.unknownIssueKeys == ["ABC-2"])
        #expect(results[1].outcome?.rejectionSummary == "bad url")
        #expect(results[1].outcome?.unknownIssueKeys == ["ABC-3"])
    }

    @Test func keysMatchWhateverTheFieldOrderAndSpacing() {
        let body = #"{"acceptedBuilds":[ { "buildNumber" : 2 , "pipelineId" : "github.com/acme/shop" } ]}"#
        #expect(
            CloudDelivery.results(of: Self.answer(body), for: Self.reports).map(\.kindName) == [
                "failed", "accepted", "failed",
            ])
    }

    @Test(arguments: [
        "",
        "null",
        "[]",
        "{}",
        "garbage",
        #"{"acceptedBuilds": "all"}"#,
        #"{"acceptedBuilds": [{"pipelineId": "github.com/acme/shop", "buildNumber": "1"}]}"#,
        #"{"acceptedBuilds": [{"pipelineId": "github.com/acme/shop"}]}"#,
        #"{"acceptedBuilds": [{"pipelineId": "github.com/acme/shop", "buildNumber": 1, "extra": true}]}"#,
        #"{"acceptedBuilds": [{"pipelineId": "GITHUB.COM/ACME/SHOP", "buildNumber": 1}]}"#,
        #"{"acceptedBuilds": [{"pipelineId": "github.com/acme/shop", "buildNumber": 1e400}]}"#,
        #"{"acceptedDeployments": [{"pipelineId": "github.com/acme/shop", "buildNumber": 1}]}"#,
        #"{"AcceptedBuilds": [{"pipelineId": "github.com/acme/shop", "buildNumber": 1}]}"#,
        #"{"acceptedBuilds": [{"pipelineId": "github.com/acme/shop", "buildNumber": 1}]"#,  // cut short
    ])
    func answersThatDoNotListAReportLeaveItUndelivered(body: String) {
        let results = CloudDelivery.results(of: Self.answer(body), for: Self.reports)
        #expect(results.allSatisfy { $0.kindName == "failed" }, "\(body)")
    }

    /// The Builds API's answer lists unknown associations too (its 202 schema); a build's outcome carries them
    /// as a deployment's does.
    @Test func unknownAssociationsOfABuildAreKept() {
        let body = """
            {"acceptedBuilds": [\(Self.key(Self.reports[0]))], "unknownIssueKeys": [],
             "unknownAssociations": [{"associationType": "issueIdOrKeys", "values": ["ABC-2"]}]}
            """
        let results = CloudDelivery.results(of: Self.answer(body), for: [Self.reports[0]])
        #expect(results.map(\.kindName) == ["accepted"])
        #expect(
            results[0].outcome?.unknownAssociations == [
                .object(["associationType": .string("issueIdOrKeys"), "values": .array([.string("ABC-2")])])
            ])
    }

    @Test func deploymentsAreMatchedByPipelineEnvironmentAndNumber() {
        let reports = [
            Sample.report(.deployment(Sample.deployment(environmentId: "prod", number: 7))),
            Sample.report(.deployment(Sample.deployment(environmentId: "stage", number: 7))),
        ]
        let body = #"""
            {"acceptedDeployments": [{"pipelineId": "github.com/acme/shop", "environmentId": "prod", "deploymentSequenceNumber": 7}],
             "unknownAssociations": [{"associationType": "serviceIdOrKeys", "values": ["svc-9"]}]}
            """#
        let results = CloudDelivery.results(of: Self.answer(body), for: reports)
        #expect(results.map(\.kindName) == ["accepted", "failed"])
        #expect(results[0].outcome?.unknownAssociations.count == 1)
    }

    /// Builds answers from parts: for each report, listed as accepted, rejected, both, or not at all, among
    /// entries for reports that were never sent.
    @Test func aReportIsAcceptedExactlyWhenListedAsAcceptedAndNotRejected() {
        var random = SplitMix64(seed: 0xACCE)
        for _ in 0..<120 {
            let count = Int.random(in: 1...8, using: &random)
            let reports = (0..<count).map { Sample.buildReport(number: Int64($0) + 1) }
            var accepted: [String] = []
            var rejected: [String] = []
            var expected: [String] = []
            for report in reports {
                let choice = Int.random(in: 0..<4, using: &random)
                if choice == 1 || choice == 3 { accepted.append(Self.key(report)) }
                if choice == 2 || choice == 3 {
                    rejected.append(#"{"key":\#(Self.key(report)),"errors":[{"message":"no"}]}"#)
                }
                expected.append(choice == 0 ? "failed" : choice == 1 ? "accepted" : "rejected")
            }
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                accepted.append(
                    #"{"pipelineId":"github.com/acme/shop","buildNumber":\#(Int.random(in: 100...999, using: &random))}"#
                )
            }
            accepted.shuffle(using: &random)
            let body =
                #"{"acceptedBuilds":[\#(accepted.joined(separator: ","))],"rejectedBuilds":[\#(rejected.joined(separator: ","))]}"#
            #expect(CloudDelivery.results(of: Self.answer(body), for: reports).map(\.kindName) == expected, "\(body)")
        }
    }

    @Test func mangledAnswersNeverTrapNorAcceptWhatTheyDoNotList() {
        var random = SplitMix64(seed: 0x3A6)
        let good = Array(
            #"{"acceptedBuilds":[{"pipelineId":"github.com/acme/shop","buildNumber":1}],"rejectedBuilds":[{"key":{"pipelineId":"github.com/acme/shop","buildNumber":2},"errors":[]}],"unknownIssueKeys":["ABC-1"]}"#
                .utf8)
        for round in 0..<800 {
            var body = good
            for _ in 0..<Int.random(in: 1...6, using: &random) { body = random.mutated(body) }
            if round % 5 == 0 { body = random.bytes(Int.random(in: 0...200, using: &random)) }
            let response = HTTPResponse(status: 202, body: body)
            let results = CloudDelivery.results(of: response, for: Self.reports)
            #expect(results.count == Self.reports.count)
            let answer = try? JSON.decode(JSONValue.self, from: body)
            let listed = Set((answer?["acceptedBuilds"]?.arrayValue ?? []).map(\.identityText))
            for (report, result) in zip(Self.reports, results) where result.kindName == "accepted" {
                #expect(listed.contains(report.entity.apiKey.identityText), "\(String(decoding: body, as: UTF8.self))")
            }
        }
    }

    @Test(arguments: [1, 10, 100, 600, 3000])
    func deeplyNestedAnswersNeverTrap(depth: Int) {
        let bodies = [
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
            String(repeating: "[", count: depth),
            String(repeating: #"{"acceptedBuilds":"#, count: depth) + "[]" + String(repeating: "}", count: depth),
            #"{"acceptedBuilds":"# + String(repeating: "[", count: depth) + Self.key(Self.reports[0])
                + String(repeating: "]", count: depth) + "}",
            String(repeating: #"{"a":["#, count: depth),
        ]
        for (index, body) in bodies.enumerated() {
            let results = CloudDelivery.results(of: Self.answer(body), for: Self.reports)
            // Only the key itself, not a list holding it, counts: at depth 1 the fourth answer lists the first report.
            let expected =
                index == 3 && depth == 1 ? ["accepted", "failed", "failed"] : ["failed", "failed", "failed"]
            #expect(results.map(\.kindName) == expected, "answer \(index) at depth \(depth)")
            _ = CloudDelivery.devinfoResults(of: Self.answer(body), for: [DevInfoAnswerTests.report])
            _ = CloudDelivery.failure(
                HTTPResponse(status: 400, body: Array(body.utf8)), api: "builds", retry: RetryPolicy(retries: 0))
        }
    }

    @Test func hugeAnswersListingOthersAcceptNothing() {
        // Many entries (decoding into JSONValue is slow in a debug build, so a few thousand)…
        let entries = (1000..<3000).map { #"{"pipelineId":"github.com/acme/shop","buildNumber":\#($0)}"# }
        let many = #"{"acceptedBuilds":[\#(entries.joined(separator: ","))],"unknownIssueKeys":[]}"#
        #expect(CloudDelivery.results(of: Self.answer(many), for: Self.reports).allSatisfy { $0.kindName == "failed" })
        // …and megabytes in one value, the key itself among them as text.
        let text = String(repeating: Self.key(Self.reports[0]).replacingAll("\"", with: "'"), count: 100_000)
        let big = #"{"acceptedBuilds":[],"note":"\#(text)"}"#
        #expect(big.utf8.count > 4_000_000)
        #expect(CloudDelivery.results(of: Self.answer(big), for: Self.reports).allSatisfy { $0.kindName == "failed" })
    }

    @Test func errorAnswersAreExplainedWithoutTrapping() {
        let listed = CloudDelivery.failure(
            HTTPResponse(status: 400, body: Array(#"[{"message":"a"},{"message":"b"}]"#.utf8)), api: "builds",
            retry: RetryPolicy(retries: 0))
        #expect(listed == .requestRejected(api: "builds", status: 400, detail: "a; b"))
        #expect(listed.description == "Jira rejected the builds request as malformed (HTTP 400): a; b")
        let wrapped = CloudDelivery.failure(
            HTTPResponse(status: 400, body: Array(#"{"errorMessages":["c"]}"#.utf8)), api: "builds",
            retry: RetryPolicy(retries: 0))
        #expect(wrapped == .requestRejected(api: "builds", status: 400, detail: "c"))
        let raw = CloudDelivery.failure(
            HTTPResponse(status: 400, body: Array(String(repeating: "x", count: 2000).utf8)), api: "builds",
            retry: RetryPolicy(retries: 0))
        #expect(raw.description.count < 700)
        #expect(
            FailureClass(
                CloudDelivery.failure(HTTPResponse(status: 401), api: "builds", retry: RetryPolicy(retries: 0)))
                == .refused)
        #expect(
            FailureClass(
                CloudDelivery.failure(HTTPResponse(status: 403), api: "builds", retry: RetryPolicy(retries: 0)))
                == .refused)
        #expect(
            FailureClass(
                CloudDelivery.failure(HTTPResponse(status: 404), api: "builds", retry: RetryPolicy(retries: 0)))
                == .misdirected)
        #expect(
            FailureClass(
                CloudDelivery.failure(HTTPResponse(status: 503), api: "builds", retry: RetryPolicy(retries: 0)))
                == .transient)
        #expect(
            FailureClass(
                CloudDelivery.failure(HTTPResponse(status: 429), api: "builds", retry: RetryPolicy(retries: 0)))
                == .transient)
        #expect(
            FailureClass(
                CloudDelivery.failure(HTTPResponse(status: 408), api: "builds", retry: RetryPolicy(retries: 0)))
                == .transient)
    }

    /// Only an outage is worth queueing: any other refusal would come back the same, for ever, from the outbox.
    @Test func otherRefusalsAreNotOutages() {
        let conflict = CloudDelivery.failure(
            HTTPResponse(status: 409, body: Array(#"{"errorMessages":["stale"]}"#.utf8)), api: "builds",
            retry: RetryPolicy(retries: 0))
        #expect(conflict == .requestRejected(api: "builds", status: 409, detail: "stale"))
        #expect(conflict.description == "Jira rejected the builds request (HTTP 409): stale")
        for status in [402, 405, 409, 410, 422, 451] {
            #expect(
                FailureClass(
                    CloudDelivery.failure(
                        HTTPResponse(status: status), api: "deployments", retry: RetryPolicy(retries: 0))) == .rejected,
                "\(status)")
        }
        for status in [100, 204, 302, 304, 600, 999] {
            let error = CloudDelivery.failure(
                HTTPResponse(status: status), api: "builds", retry: RetryPolicy(retries: 0))
            #expect(FailureClass(error) == .misdirected && error.description.contains("--jira-url"), "\(status)")
        }
    }
}
