#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The property and fuzz tests' generator: seeded, so every run sees the same cases and a failure reproduces.

/// SplitMix64 (Steele, Lea and Flood): tiny, fast, and good enough to drive tests. Always seeded explicitly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SplitMix64 {
    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int.random(in: 0..<choices.count, using: &self)]
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }

    /// Printable ASCII, space to `~`.
    mutating func ascii(_ count: Int) -> String {
        String(decoding: (0..<count).map { _ in UInt8.random(in: 0x20...0x7E, using: &self) }, as: UTF8.self)
    }

    /// Any Unicode scalars: ASCII and controls, Latin, CJK, emoji, combining marks, C1 controls.
    mutating func unicode(_ count: Int) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<count {
            let range: ClosedRange<UInt32> = pick([
                0x00...0x7F, 0x20...0x7E, 0x80...0x9F, 0xA0...0x24F, 0x300...0x36F,
                0x2020...0x206F, 0x4E00...0x9FFF, 0x1F300...0x1FAFF, 0xE000...0xFFFD,
            ])
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &self)) { text.append(scalar) }
        }
        return String(text)
    }

    /// Cuts `count` into pieces of random sizes between 1 and `largest`.
    mutating func chunkSizes(total count: Int, largest: Int) -> [Int] {
        var sizes: [Int] = []
        var left = count
        while left > 0 {
            let size = min(left, Int.random(in: 1...max(1, largest), using: &self))
            sizes.append(size)
            left -= size
        }
        return sizes
    }

    /// `text` with one random byte-level edit: a byte replaced, inserted, deleted, or two swapped.
    mutating func mutated(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let interesting: [UInt8] = [0x00, 0x0A, 0x20, 0x2D, 0x30, 0x39, 0x3A, 0x2C, 0x7F, 0x80, 0xC3, 0xFF]
        switch Int.random(in: 0..<4, using: &self) {
        case 0 where !bytes.isEmpty:
            bytes[Int.random(in: 0..<bytes.count, using: &self)] =
                chance(0.5) ? pick(interesting) : UInt8.random(in: 0...255, using: &self)
        case 1:
            bytes.insert(
                chance(0.5) ? pick(interesting) : UInt8.random(in: 0...255, using: &self),
                at: Int.random(in: 0...bytes.count, using: &self))
        case 2 where !bytes.isEmpty:
            bytes.remove(at: Int.random(in: 0..<bytes.count, using: &self))
        case 3 where bytes.count >= 2:
            let i = Int.random(in: 0..<bytes.count, using: &self)
            let j = Int.random(in: 0..<bytes.count, using: &self)
            bytes.swapAt(i, j)
        default:
            bytes.append(UInt8.random(in: 0...255, using: &self))
        }
        return bytes
    }
}
