/// How development information links and names a repository, resolved once per run.
public struct DevInfoSettings: Sendable {
    public var commitURLTemplate: String?
    public var branchURLTemplate: String?
    public var fileURLTemplate: String?
    /// From a Bitbucket Server hook's variables.
    public var bitbucket: BitbucketServerHook?
    /// The repository's web address when git has no remote to tell it.
    public var repositoryURL: String?
    public var options: DevInfoHandling

    public init(
        commitURLTemplate: String? = nil, branchURLTemplate: String? = nil, fileURLTemplate: String? = nil,
        bitbucket: BitbucketServerHook? = nil, repositoryURL: String? = nil,
        options: DevInfoHandling = DevInfoHandling()
    ) {
        self.repositoryURL = repositoryURL
        self.commitURLTemplate = commitURLTemplate
        self.branchURLTemplate = branchURLTemplate
        self.fileURLTemplate = fileURLTemplate
        self.bitbucket = bitbucket
        self.options = options
    }
}
