/// Keys in the order they were first seen, each with where it came from, bounded by Jira's limit.
///
/// Memory stays bounded whatever the input: sources are capped per key, and keys past the limit are counted
/// (exactly up to `droppedCountLimit` distinct ones, then as "at least") with a few kept as examples.
public struct IssueKeyCollection: Sendable, Equatable {
    /// Jira accepts at most this many keys for one entity.
    public static let keyLimit = 500
    /// Enough to explain a key; a key named in every one of 10,000 commits need not list them all.
    public static let sourceLimitPerKey = 10
    static let droppedCountLimit = 10_000
    static let droppedExampleLimit = 5

    public private(set) var keys: [String] = []
    public private(set) var sources: [String: [KeySource]] = [:]
    private var droppedKeys: Set<String> = []
    public private(set) var droppedExamples: [String] = []
    public var commitsScanned = 0

    public init() {}

    public var dropped: Int { droppedKeys.count }
    /// More keys were dropped than were counted.
    public var droppedCountIsLowerBound: Bool { droppedKeys.count >= Self.droppedCountLimit }
    public var isEmpty: Bool { keys.isEmpty }

    public mutating func add(_ key: String, from source: KeySource) {
        if var known = sources[key] {
            guard known.count < Self.sourceLimitPerKey, known.last != source else { return }
            known.append(source)
            sources[key] = known
        } else if keys.count < Self.keyLimit {
            keys.append(key)
            sources[key] = [source]
        } else if droppedKeys.count < Self.droppedCountLimit, droppedKeys.insert(key).inserted,
            droppedExamples.count < Self.droppedExampleLimit
        {
            droppedExamples.append(key)
        }
    }
}
