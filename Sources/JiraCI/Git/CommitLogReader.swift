/// Reads `git log -z --format=%H%n%B` output as it arrives: records separated by NUL, each the sha on its own
/// line, then the message. Messages are handed over in pieces, never collected whole, so one huge message
/// costs no more memory than a small one.
struct CommitLogReader {
    enum Event {
        case commit(sha: String)
        case message(UnsafeBufferPointer<UInt8>)
        case end
    }

    /// A sha line longer than this is not a sha; what git writes never is.
    static let longestSHALine = 128

    private var inMessage = false
    private var shaBytes: [UInt8] = []
    private(set) var records = 0

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ handle: (Event) -> Void) {
        var position = 0
        while position < chunk.count {
            if !inMessage {
                let newline = chunk[position...].firstIndex(of: UInt8(ascii: "\n"))
                let terminator = chunk[position...].firstIndex(of: 0)
                // A record may also end right after its sha (an empty message).
                let stop = [newline, terminator].compactMap { $0 }.min()
                let end = stop ?? chunk.count
                if shaBytes.count < Self.longestSHALine {
                    shaBytes.append(
                        contentsOf: chunk[position..<min(end, position + Self.longestSHALine - shaBytes.count)])
                }
                guard let stop else { return }
                startRecord(handle)
                position = stop + 1
                if chunk[stop] == 0 {
                    endRecord(handle)
                } else {
                    inMessage = true
                }
            } else {
                let terminator = chunk[position...].firstIndex(of: 0) ?? chunk.count
                if terminator > position {
                    handle(.message(UnsafeBufferPointer(rebasing: chunk[position..<terminator])))
                }
                guard terminator < chunk.count else { return }
                endRecord(handle)
                position = terminator + 1
            }
        }
    }

    /// Output ended: a record without its final NUL still counts.
    mutating func finish(_ handle: (Event) -> Void) {
        if inMessage {
            endRecord(handle)
        } else if !shaBytes.isEmpty {
            startRecord(handle)
            endRecord(handle)
        }
    }

    private mutating func startRecord(_ handle: (Event) -> Void) {
        handle(.commit(sha: String(decoding: shaBytes, as: UTF8.self)))
        shaBytes.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord(_ handle: (Event) -> Void) {
        inMessage = false
        records += 1
        handle(.end)
    }
}
