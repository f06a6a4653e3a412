import Synchronization
import Testing

@testable import JiraCI

/// A transport that plays a script: answers and transport errors in order, one per request, each optionally
/// taking time on a `TestClock`. It records every request sent with the deadline it was given. A request beyond
/// the script fails the test.
final class ScriptedTransport: HTTPTransport {
    struct Step: Sendable {
        var outcome: Result<HTTPResponse, HTTPError>
        /// How long the request takes, on the clock.
        var seconds: Double = 0
    }

    struct Sent: Sendable {
        let request: HTTPRequest
        let deadline: Deadline

        var method: String { request.method }
        var url: String { request.url }

        func header(_ name: String) -> String? {
            request.headers.last { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    private let state: Mutex<(steps: [Step], sent: [Sent])>
    private let clock: TestClock?

    init(_ steps: [Step], clock: TestClock? = nil) {
        state = Mutex((steps, []))
        self.clock = clock
    }

    var sent: [Sent] { state.withLock { $0.sent } }
    var urls: [String] { sent.map(\.url) }
    /// Steps not played: a test that scripted more than the code asked for usually expected more requests.
    var unplayed: Int { state.withLock { $0.steps.count } }

    func count(_ fragment: String) -> Int { urls.filter { $0.contains(fragment) }.count }

    func send(_ request: HTTPRequest, deadline: Deadline) throws(HTTPError) -> HTTPResponse {
        let step = state.withLock { state -> Step? in
            state.sent.append(Sent(request: request, deadline: deadline))
            return state.steps.isEmpty ? nil : state.steps.removeFirst()
        }
        guard let step else {
            Issue.record("unscripted request: \(request.method) \(request.url)")
            throw .other(host: "scripted", detail: "no answer scripted")
        }
        clock?.advance(step.seconds)
        return try step.outcome.get()
    }

    /// A factory for `ConnectionSettings.transport` that hands out this transport for every connection.
    var factory: HTTPTransportFactory {
        { _, _, _ throws(HTTPError) in self }
    }
}

extension ScriptedTransport.Step {
    static func answer(
        _ status: Int, _ body: String = "", headers: [(name: String, value: String)] = [], after seconds: Double = 0
    ) -> Self {
        Self(
            outcome: .success(HTTPResponse(status: status, headers: headers, body: Array(body.utf8))), seconds: seconds)
    }

    static func fail(_ error: HTTPError, after seconds: Double = 0) -> Self {
        Self(outcome: .failure(error), seconds: seconds)
    }

    /// Atlassian's token endpoint handing out `token`.
    static func token(_ token: String, expiresIn: Int = 3600) -> Self {
        .answer(200, #"{"access_token":"\#(token)","token_type":"Bearer","expires_in":\#(expiresIn)}"#)
    }

    /// The Builds API accepting the sample build `number` of the sample pipeline.
    static func buildsAccepted(_ numbers: [Int64] = [42]) -> Self {
        let accepted = numbers.map { #"{"pipelineId":"github.com/acme/shop","buildNumber":\#($0)}"# }.joined(
            separator: ",")
        return .answer(202, #"{"acceptedBuilds":[\#(accepted)],"rejectedBuilds":[],"unknownIssueKeys":[]}"#)
    }
}

extension ScriptedTransport.Step: CustomTestStringConvertible {
    var testDescription: String {
        switch outcome {
        case .success(let response): "HTTP \(response.status)"
        case .failure(let error): "\(error)"
        }
    }
}
