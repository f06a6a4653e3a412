import JiraCI

/// The `keys --json` contract.
struct KeysDocument: Encodable {
    let keys: [String]
    let sources: [String: [KeySource]]
    let commitsScanned: Int
    let dropped: Int

    init(_ collection: IssueKeyCollection) {
        keys = collection.keys
        sources = collection.sources
        commitsScanned = collection.commitsScanned
        dropped = collection.dropped
    }
}
