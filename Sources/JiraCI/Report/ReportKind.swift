/// The thing being reported.
public enum ReportKind: Sendable, Equatable {
    case build(BuildSettings)
    case deployment(DeploymentSettings)
}
