/// The API an entity goes to.
public enum ReportAPI: String, Sendable, Codable, CaseIterable {
    case builds
    case deployments
    case devinfo
    /// Development information too, but one DELETE request each.
    case branchDeletion
}
