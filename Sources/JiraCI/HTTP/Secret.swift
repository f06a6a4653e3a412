/// A value that must never be shown: its description is `***`, so interpolating one by mistake leaks nothing.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { "***" }
    public var debugDescription: String { "***" }

    /// A secret goes into an HTTP header or a signed request: a control character there would let it forge
    /// headers, and no real token, PAT or password has one.
    public var isHeaderSafe: Bool {
        !value.isEmpty && value.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F }
    }
}
