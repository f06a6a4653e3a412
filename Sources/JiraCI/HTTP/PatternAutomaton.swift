import Synchronization

/// An Aho-Corasick automaton over bytes whose memory is proportional to the patterns' total length: the trie's
/// edges are kept as sorted runs per state (most states have one), only the root has a full 256-entry table,
/// and failure and output links make the scan linear in the text. A full table per state would cost a KiB per
/// byte of every secret, so a server could make jira-ci use gigabytes by sending a long token.
struct PatternAutomaton: Sendable {
    struct Pattern: Sendable {
        let length: Int
        let kind: Redactor.PatternKind
    }

    let patterns: [Pattern]
    /// The root's transitions: a child, or the root itself (0).
    private var root = [Int32](repeating: 0, count: 256)
    /// State `s`'s edges are `edgeBytes[edgeStart[s]..<edgeStart[s + 1]]`, sorted, leading to `edgeTargets`.
    private var edgeStart: [Int32] = [0]
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    private var failure: [Int32] = [0]
    /// The pattern ending exactly at a state, or -1.
    private var output: [Int32] = [-1]
    /// The nearest state on the failure chain with a pattern of its own, or -1.
    private var outputLink: [Int32] = [-1]

    init(_ list: [([UInt8], Redactor.PatternKind)]) {
        // One pattern per byte string; a secret's masking wins over a field name spelt the same.
        var kinds: [[UInt8]: Redactor.PatternKind] = [:]
        for (bytes, kind) in list where !bytes.isEmpty {
            if kinds[bytes] == nil || kind == .secret { kinds[bytes] = kind }
        }
        let sorted = kinds.keys.sorted { $0.lexicographicallyPrecedes($1) }
        patterns = sorted.map { Pattern(length: $0.count, kind: kinds[$0]!) }

        // Breadth-first over the sorted patterns: the patterns below a state are a contiguous range of them,
        // and each child takes the sub-range that has its byte next, so every state's edges come out together.
        var ranges: [(range: Range<Int>, depth: Int)] = [(0..<sorted.count, 0)]
        var head = 0
        while head < ranges.count {
            let (range, depth) = ranges[head]
            let state = head
            head += 1
            var index = range.lowerBound
            while index < range.upperBound, sorted[index].count == depth {
                output[state] = Int32(index)
                index += 1
            }
            while index < range.upperBound {
                let byte = sorted[index][depth]
                var end = index + 1
                while end < range.upperBound, sorted[end][depth] == byte { end += 1 }
                let child = Int32(ranges.count)
                ranges.append((index..<end, depth + 1))
                failure.append(0)
                output.append(-1)
                outputLink.append(-1)
                if state == 0 {
                    root[Int(byte)] = child
                } else {
                    edgeBytes.append(byte)
                    edgeTargets.append(child)
                }
                index = end
            }
            edgeStart.append(Int32(edgeBytes.count))
        }
        // Failure links, breadth-first: a state's link is known before its children need it.
        for state in 0..<ranges.count {
            for (byte, child) in children(of: state) {
                let link = state == 0 ? 0 : step(failure[state], byte)
                failure[Int(child)] = link
                outputLink[Int(child)] = output[Int(link)] >= 0 ? link : outputLink[Int(link)]
            }
        }
    }

    private func children(of state: Int) -> [(UInt8, Int32)] {
        if state == 0 {
            return (0..<256).compactMap { root[$0] != 0 ? (UInt8($0), root[$0]) : nil }
        }
        return (Int(edgeStart[state])..<Int(edgeStart[state + 1])).map { (edgeBytes[$0], edgeTargets[$0]) }
    }

    /// The state after reading `byte` in `state`.
    @inline(__always)
    private func step(_ state: Int32, _ byte: UInt8) -> Int32 {
        var state = Int(state)
        while state != 0 {
            var edge = Int(edgeStart[state])
            let end = Int(edgeStart[state + 1])
            while edge < end, edgeBytes[edge] < byte { edge += 1 }
            if edge < end, edgeBytes[edge] == byte { return edgeTargets[edge] }
            state = Int(failure[state])
        }
        return root[Int(byte)]
    }

    /// Calls `match` with the end offset (exclusive) and pattern of every occurrence, in order of their ends.
    func scan(_ text: [UInt8], _ match: (Int, Pattern) -> Void) {
        var state: Int32 = 0
        for (offset, byte) in text.enumerated() {
            state = step(state, byte)
            var found = output[Int(state)] >= 0 ? state : outputLink[Int(state)]
            while found >= 0 {
                match(offset + 1, patterns[Int(output[Int(found)])])
                found = outputLink[Int(found)]
            }
        }
    }

    /// What the automaton holds, in bytes: for checking that it grows with the patterns, not with the alphabet.
    var footprint: Int {
        root.count * 4 + edgeStart.count * 4 + edgeBytes.count + edgeTargets.count * 4 + failure.count * 4 + output
            .count * 4
            + outputLink.count * 4
    }
}
