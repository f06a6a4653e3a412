/// What can go wrong while reading git data. All are problems with what the user pointed us at.
public enum GitError: Error, Equatable, Sendable {
    case gitNotFound
    case notARepository(path: String)
    case unknownCommit(String)
    case failed(command: String, message: String)
}
