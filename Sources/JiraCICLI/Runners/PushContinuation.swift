import JiraCI

/// The pushed refs a hook's budget did not reach, kept beside the outbox (as `push-….pending`, which the
/// outbox does not take for a report) for the detached run that takes them over.
enum PushContinuation {
    static let largest = 64 * 1024 * 1024

    static func write(_ lines: [String], into outbox: Outbox) throws(FileSystem.Failure) -> String {
        try FileSystem.makeDirectory(outbox.directory)
        let path =
            "\(outbox.directory)/push-\(WallClock.microsecondsSinceEpoch())-\(CryptoRandom.hex(bytes: 4)).pending"
        try FileSystem.writeAtomically(Array(lines.map { $0 + "\n" }.joined().utf8), to: path)
        return path
    }

    static func read(_ path: String) throws(FileSystem.Failure) -> [String] {
        let bytes = try FileSystem.read(path, limit: largest)
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    static func remove(_ path: String) {
        FileSystem.remove(path)
    }
}
