/// Branch names as CI systems hand them over (`refs/heads/x`, `origin/x`, `refs/remotes/origin/x`),
/// reduced to the name a developer typed.
public enum BranchName {
    public static func normalized(_ raw: String, remotes: [String]) -> String {
        var name = raw.trimmed
        for prefix in ["refs/heads/", "heads/"] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        for prefix in ["refs/remotes/", "remotes/"] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
            return name.firstIndex(of: "/").map { String(name[name.index(after: $0)...]) } ?? name
        }
        for remote in Set(remotes + ["origin", "upstream"]) where name.hasPrefix(remote + "/") {
            return String(name.dropFirst(remote.count + 1))
        }
        return name
    }
}
