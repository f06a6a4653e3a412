import Testing

@testable import JiraCI

struct JSONValueTests {
    static func randomValue(_ random: inout SplitMix64, depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth > 4 ? 5 : 7), using: &random) {
        case 0: return .null
        case 1: return .bool(random.chance(0.5))
        case 2: return .integer(Int64.random(in: .min ... .max, using: &random))
        case 3: return .number(Double(Int.random(in: -1000...1000, using: &random)) + 0.25)
        case 4: return .string(random.unicode(Int.random(in: 0...10, using: &random)))
        case 5:
            return .array(
                (0..<Int.random(in: 0...4, using: &random)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            return .object(
                Dictionary(
                    (0..<Int.random(in: 0...4, using: &random)).map { _ in
                        (random.ascii(Int.random(in: 0...6, using: &random)), randomValue(&random, depth: depth + 1))
                    }, uniquingKeysWith: { a, _ in a }))
        }
    }

    @Test func valuesSurviveEncodingAndDecoding() throws {
        var random = SplitMix64(seed: 0x150)
        for _ in 0..<500 {
            let value = Self.randomValue(&random, depth: 0)
            let decoded = try JSON.decode(JSONValue.self, from: try JSON.encode(value))
            #expect(decoded == value)
            #expect(decoded.identityText == value.identityText)
        }
    }

    @Test func randomBytesNeverTrapTheDecoder() {
        var random = SplitMix64(seed: 0xB1)
        let pieces = [
            "{", "}", "[", "]", ",", ":", "\"", "\"a\"", "1", "-", "1e999", "0.5", "true", "null", "\\u0000", "\\ud800",
            " ",
        ]
        for round in 0..<3000 {
            let bytes =
                round % 2 == 0
                ? random.bytes(Int.random(in: 0...64, using: &random))
                : Array((0..<Int.random(in: 1...30, using: &random)).map { _ in random.pick(pieces) }.joined().utf8)
            if let value = try? JSON.decode(JSONValue.self, from: bytes) {
                // Whatever decodes, encodes again.
                #expect((try? JSON.encode(value)) != nil)
            }
        }
    }

    @Test func gatingStatusesAreTheAPIsWords() {
        for (word, final) in [
            ("allowed", true), ("prevented", true), ("awaiting", false), ("expired", true), ("invalid", true),
        ] {
            let status = GatingResult.Status(rawValue: word)
            #expect(status != nil)
            #expect(
                status.map { GatingResult(status: $0, taskKey: nil, updatedTimestamp: nil, details: []).isFinal }
                    == final)
        }
        #expect(GatingResult.Status(rawValue: "ALLOWED") == nil)
    }
}
