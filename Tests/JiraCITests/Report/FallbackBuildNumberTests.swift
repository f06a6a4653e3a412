import Testing

@testable import JiraCI

struct FallbackBuildNumberTests {
    static let sha = "3fa85f6457174562b3fc2c963f66afa6a1b2c3d4"

    static func number(_ depth: Int, _ sha: String, _ branch: String? = "main") -> Int64 {
        PipelineIdentity.fallbackBuildNumber(depth: depth, sha: sha, branch: branch)
    }

    @Test func theSameCommitOnTheSameBranchAlwaysGetsTheSameNumber() {
        #expect(Self.number(120, Self.sha) == Self.number(120, Self.sha))
        #expect(Self.number(120, Self.sha, nil) == Self.number(120, Self.sha, nil))
        #expect(Self.number(120, Self.sha) >> 32 == 120)
        #expect(Self.number(0, "", nil) >= 0)
    }

    static func randomSHA(_ random: inout SplitMix64) -> String {
        String((0..<40).map { _ in random.pick(Array("0123456789abcdef")) })
    }

    @Test func numbersGrowWithDepthWhateverTheShasAndBranches() {
        var random = SplitMix64(seed: 0xDE97)
        for _ in 0..<3000 {
            let depth = Int.random(in: 0...Int(Int32.max) - 3, using: &random)
            let a = Self.number(depth, Self.randomSHA(&random), "feature/\(random.next() % 100)")
            let b = Self.number(
                depth + Int.random(in: 1...3, using: &random), Self.randomSHA(&random), "feature/\(random.next() % 100)"
            )
            #expect(a < b && a >= 0)
        }
    }

    /// A hook reports every pushed branch; branches made from one commit must not overwrite each other's build.
    @Test func branchesAtTheSameCommitGetDifferentNumbers() {
        var random = SplitMix64(seed: 0x5A5)
        var numbers = Set<Int64>()
        let names =
            ["main", "master", "develop", "release/1.0", "feature/SHOP-2-x", "feature/SHOP-3-y"]
            + (0..<200).map { _ in "feature/SHOP-\(random.next() % 100_000)" }
        for name in Set(names) { numbers.insert(Self.number(77, Self.sha, name)) }
        #expect(numbers.count == Set(names).count)
        #expect(Self.number(77, Self.sha, nil) != Self.number(77, Self.sha, "main"))
    }

    @Test func commitsAtTheSameDepthOfOneBranchGetDifferentNumbers() {
        var random = SplitMix64(seed: 0xB0B)
        let shas = Set((0..<200).map { _ in Self.randomSHA(&random) })
        #expect(Set(shas.map { Self.number(10, $0) }).count == shas.count)
    }

    /// Two of a thousand branches pushed at one depth, each with its own commit: with 20 bits of hash their
    /// builds shared a number and Jira kept one of them (a third of such pushes had a pair like this).
    @Test func branchesAtOneDepthWithTheirOwnCommitsKeepTheirOwnBuilds() {
        let first = Self.number(2, "d82b3583771d3f25bfda1c0e873aa52a5ca66ec4", "feature/MIRROR-30")
        let second = Self.number(2, "e4ff7dd528cd727db28d44519d0963f6813dd8fc", "feature/MIRROR-819")
        #expect(first & 0xF_FFFF == second & 0xF_FFFF, "the pair that collided in 20 bits")
        #expect(first != second)
    }
}
