import Synchronization

@testable import JiraCI

/// Keeps what a run would have printed besides its result.
final class LogRecorder: Sendable {
    private let lines = Mutex<(notices: [String], warnings: [String])>(([], []))

    var notices: [String] { lines.withLock { $0.notices } }
    var warnings: [String] { lines.withLock { $0.warnings } }

    var log: ReportLog {
        ReportLog(
            warning: { text in self.lines.withLock { $0.warnings.append(text) } },
            notice: { text in self.lines.withLock { $0.notices.append(text) } },
            trace: nil)
    }
}
