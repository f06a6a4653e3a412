import Synchronization

/// `updateSequenceNumber`s: Jira keeps an update only when its number is strictly greater than the stored one,
/// so an in_progress and a successful sent within one second must still differ. Microseconds since the epoch
/// do that across processes started back to back; within a process each call is at least one more than the last.
public final class UpdateSequence: Sendable {
    private let last = Mutex<Int64>(0)

    public init() {}

    public func next() -> Int64 {
        last.withLock { last in
            last = max(WallClock.microsecondsSinceEpoch(), last + 1)
            return last
        }
    }
}
