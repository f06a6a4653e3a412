import Testing

@testable import JiraCI

struct IssueKeyCollectionTests {
    static func source(_ value: String) -> KeySource { KeySource(type: .commit, value: value) }

    @Test func keepsFirstPlaceAndAllSources() {
        var collection = IssueKeyCollection()
        collection.add("ABC-1", from: KeySource(type: .branch, value: "b"))
        collection.add("ABC-2", from: Self.source("c1"))
        collection.add("ABC-1", from: Self.source("c1"))
        #expect(collection.keys == ["ABC-1", "ABC-2"])
        #expect(collection.sources["ABC-1"]?.map(\.type) == [.branch, .commit])
        #expect(collection.dropped == 0 && collection.droppedExamples.isEmpty && !collection.droppedCountIsLowerBound)
    }

    @Test func aRepeatedSourceIsListedOnce() {
        var collection = IssueKeyCollection()
        for _ in 0..<3 { collection.add("ABC-1", from: Self.source("c1")) }
        #expect(collection.sources["ABC-1"] == [Self.source("c1")])
    }

    @Test func theFiveHundredKeyLimitKeepsTheFirstAndCountsTheRestOnce() {
        var collection = IssueKeyCollection()
        for number in 1...600 {
            collection.add("K-\(number)", from: Self.source("c"))
        }
        // Seen again: still counted once, and a kept key gains no place.
        collection.add("K-600", from: Self.source("d"))
        collection.add("K-1", from: Self.source("d"))
        #expect(collection.keys.count == IssueKeyCollection.keyLimit)
        #expect(collection.keys == (1...500).map { "K-\($0)" })
        #expect(collection.dropped == 100)
        #expect(collection.droppedExamples == ["K-501", "K-502", "K-503", "K-504", "K-505"])
        #expect(!collection.droppedCountIsLowerBound)
        #expect(collection.sources["K-600"] == nil)
        #expect(collection.sources["K-1"]?.count == 2)
    }

    @Test func droppedKeysAreCountedExactlyUpToTenThousandThenAsALowerBound() {
        var collection = IssueKeyCollection()
        for number in 1...500 { collection.add("K-\(number)", from: Self.source("c")) }
        for number in 501..<(500 + 9_999) { collection.add("K-\(number)", from: Self.source("c")) }
        #expect(collection.dropped == 9_998)
        #expect(!collection.droppedCountIsLowerBound)
        collection.add("K-10499", from: Self.source("c"))
        #expect(collection.dropped == 9_999 && !collection.droppedCountIsLowerBound)
        for number in 10_500..<12_000 { collection.add("K-\(number)", from: Self.source("c")) }
        #expect(collection.dropped == 10_000)
        #expect(collection.droppedCountIsLowerBound)
        #expect(collection.droppedExamples.count == 5)
        #expect(collection.keys.count == 500)
    }

    @Test func sourcesPerKeyAreCapped() {
        var collection = IssueKeyCollection()
        for number in 1...50 {
            collection.add("K-1", from: Self.source("c\(number)"))
        }
        #expect(collection.sources["K-1"] == (1...IssueKeyCollection.sourceLimitPerKey).map { Self.source("c\($0)") })
    }

    @Test func randomAdditionsKeepEveryBound() {
        var random = SplitMix64(seed: 0xC011)
        for _ in 0..<10 {
            var collection = IssueKeyCollection()
            var distinct: [String] = []
            var seen: Set<String> = []
            for _ in 0..<1500 {
                let key = "K-\(Int.random(in: 1...700, using: &random))"
                if seen.insert(key).inserted { distinct.append(key) }
                collection.add(key, from: Self.source("c\(Int.random(in: 1...15, using: &random))"))
            }
            #expect(collection.keys == Array(distinct.prefix(500)))
            #expect(collection.dropped == max(0, distinct.count - 500))
            #expect(collection.droppedExamples == Array(distinct.dropFirst(500).prefix(5)))
            #expect(
                collection.sources.values.allSatisfy { (1...IssueKeyCollection.sourceLimitPerKey).contains($0.count) })
            #expect(Set(collection.sources.keys) == Set(collection.keys))
        }
    }
}
