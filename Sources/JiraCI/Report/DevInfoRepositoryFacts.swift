/// A repository as the development panel knows it: a stable id made of URL-safe characters (the same identity
/// as the pipeline's repository part), a name, and where it lives on the web.
public struct DevInfoRepositoryFacts: Sendable {
    public var id: String
    public var name: String
    public var links: WebLinks
    public var warnings: [ReportWarning]
}
