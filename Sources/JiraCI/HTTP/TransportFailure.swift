/// A request that got no HTTP answer, after every retry. It explains itself by its cause.
public struct TransportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let error: HTTPError
    public let attempts: Int

    public init(error: HTTPError, attempts: Int) {
        self.error = error
        self.attempts = attempts
    }

    public var description: String {
        error.description(attempts: attempts)
    }
}
