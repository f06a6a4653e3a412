/// Where output that is not the result goes: warnings and the `--verbose` trace.
public struct ReportLog: Sendable {
    public let warning: @Sendable (String) -> Void
    public let trace: TraceSink?

    public init(warning: @escaping @Sendable (String) -> Void, trace: TraceSink?) {
        self.warning = warning
        self.trace = trace
    }
}
