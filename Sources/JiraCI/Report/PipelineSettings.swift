/// What identifies and describes the run, shared by builds and deployments.
public struct PipelineSettings: Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var url: String?
    public var buildNumber: Int64?
    public var buildURL: String?
    public var label: String?
    public var description: String?
    public var updateSequenceNumber: Int64?
    /// The repository's name when git has no remote to tell it: a Bitbucket Server repository on disk is a
    /// numbered folder, and its hook says `PROJECT/slug`.
    public var repositoryName: String?

    public init(
        id: String? = nil, name: String? = nil, url: String? = nil, buildNumber: Int64? = nil, buildURL: String? = nil,
        label: String? = nil, description: String? = nil, updateSequenceNumber: Int64? = nil,
        repositoryName: String? = nil
    ) {
        self.repositoryName = repositoryName
        self.id = id
        self.name = name
        self.url = url
        self.buildNumber = buildNumber
        self.buildURL = buildURL
        self.label = label
        self.description = description
        self.updateSequenceNumber = updateSequenceNumber
    }
}
