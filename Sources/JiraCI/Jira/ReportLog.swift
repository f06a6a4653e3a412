/// Where output that is not the result goes: warnings, notices and the `--verbose` trace.
public struct ReportLog: Sendable {
    public let warning: @Sendable (String) -> Void
    /// What a run is waiting for (a retry's pause): not a failure, so not a warning; the failure, if it comes,
    /// is said once at the end.
    public let notice: @Sendable (String) -> Void
    public let trace: TraceSink?

    public init(
        warning: @escaping @Sendable (String) -> Void, notice: @escaping @Sendable (String) -> Void, trace: TraceSink?
    ) {
        self.warning = warning
        self.notice = notice
        self.trace = trace
    }
}
