import JiraCI

/// How long ago, for people: `40 s`, `12 min`, `3 h`, `2 d`.
enum Age {
    static func text(since microseconds: Int64) -> String {
        let seconds = max(0, (WallClock.microsecondsSinceEpoch() - microseconds) / 1_000_000)
        switch seconds {
        case ..<120: return "\(seconds) s"
        case ..<7200: return "\(seconds / 60) min"
        case ..<172_800: return "\(seconds / 3600) h"
        default: return "\(seconds / 86_400) d"
        }
    }
}
