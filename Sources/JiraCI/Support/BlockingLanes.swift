import Dispatch
import Synchronization

/// Runs `count` blocking jobs at once, each on its own serial queue (and so its own thread), and waits
/// for all of them without holding a thread of Swift's cooperative pool. The first error wins.
enum BlockingLanes {
    static func run<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) throws -> T) async throws -> [T] {
        let results = Mutex<[Int: Result<T, any Error>]>([:])
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let group = DispatchGroup()
            for lane in 0..<count {
                DispatchQueue(label: "jira-ci.lane.\(lane)").async(group: group) {
                    let result = Result { try body(lane) }
                    results.withLock { $0[lane] = result }
                }
            }
            group.notify(queue: .global()) { continuation.resume() }
        }
        let collected = results.withLock { $0 }
        return try (0..<count).map { try collected[$0]!.get() }
    }
}
