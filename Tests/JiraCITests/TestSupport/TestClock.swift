import Synchronization

@testable import JiraCI

/// Time that passes only when a test says so: a retry's wait, or a request that takes long. Both clocks jira-ci
/// reads move together: the monotonic one deadlines are measured on and the wall clock HTTP dates are read against.
final class TestClock: Sendable {
    /// Sun, 06 Nov 1994 08:49:37 GMT, RFC 9110's example date.
    static let defaultWall = 784_111_777.0

    private let start = ContinuousClock.now
    private let wallStart: Double
    private let state = Mutex<(elapsed: Double, sleeps: [Double])>((0, []))

    init(wall: Double = TestClock.defaultWall) {
        wallStart = wall
    }

    var elapsed: Double { state.withLock { $0.elapsed } }

    /// Every wait the code under test asked for, in order.
    var sleeps: [Double] { state.withLock { $0.sleeps } }

    func advance(_ seconds: Double) {
        state.withLock { $0.elapsed += seconds }
    }

    /// For `RetryPolicy.sleep`: the wait is recorded and passes at once.
    @Sendable func sleep(_ seconds: Double) {
        state.withLock {
            $0.sleeps.append(seconds)
            $0.elapsed += seconds
        }
    }

    @Sendable func wallNow() -> Double { wallStart + elapsed }

    @Sendable func instant() -> ContinuousClock.Instant { start.advanced(by: .seconds(elapsed)) }

    /// A budget measured on this clock.
    func deadline(after seconds: Double) -> Deadline {
        .after(.seconds(seconds), clock: instant)
    }

    /// Retry rules that wait and read the time on this clock.
    func policy(retries: Int, deadline: Deadline = .none) -> RetryPolicy {
        var policy = RetryPolicy(retries: retries, deadline: deadline)
        policy.sleep = sleep
        policy.now = wallNow
        return policy
    }
}
