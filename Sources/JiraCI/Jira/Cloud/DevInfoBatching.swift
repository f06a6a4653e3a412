/// Development information goes in as few requests as the API's limits allow: at most 100 repositories and
/// 1,000 entities a request, 400 commits and 400 branches per repository. A report's entities stay together.
enum DevInfoBatching {
    /// Indices of `reports` (all development information with the same options), in order, a request each.
    static func batches(_ reports: [Report]) -> [[Int]] {
        var batches: [[Int]] = []
        var current: [Int] = []
        var repositories: [String: (commits: Int, branches: Int)] = [:]
        var entities = 0
        for (index, report) in reports.enumerated() {
            guard case .devinfo(let repository) = report.entity else { continue }
            let commits = repository.commits?.count ?? 0
            let branches = repository.branches?.count ?? 0
            let known = repositories[repository.id] ?? (0, 0)
            let fits =
                entities + commits + branches <= DevInfoRequest.entityLimit
                && known.commits + commits <= DevInfoRepository.commitLimit
                && known.branches + branches <= DevInfoRepository.branchLimit
                && (repositories[repository.id] != nil || repositories.count < DevInfoRequest.repositoryLimit)
            if !fits, !current.isEmpty {
                batches.append(current)
                (current, repositories, entities) = ([], [:], 0)
            }
            current.append(index)
            let sofar = repositories[repository.id] ?? (0, 0)
            repositories[repository.id] = (sofar.commits + commits, sofar.branches + branches)
            entities += commits + branches
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// One entry per repository: reports of one repository in a batch share it, the newest sequence wins.
    static func merged(_ repositories: [DevInfoRepository]) -> [DevInfoRepository] {
        var order: [String] = []
        var merged: [String: DevInfoRepository] = [:]
        for repository in repositories {
            guard var known = merged[repository.id] else {
                order.append(repository.id)
                merged[repository.id] = repository
                continue
            }
            known.commits = Self.joined(known.commits, repository.commits, id: \.id)
            known.branches = Self.joined(known.branches, repository.branches, id: \.id)
            known.updateSequenceId = max(known.updateSequenceId, repository.updateSequenceId)
            merged[repository.id] = known
        }
        return order.map { merged[$0]! }
    }

    /// Both lists, an entity sent twice (queued, then pushed again) only in its later form.
    private static func joined<T>(_ a: [T]?, _ b: [T]?, id: KeyPath<T, String>) -> [T]? {
        guard a != nil || b != nil else { return nil }
        let later = Set((b ?? []).map { $0[keyPath: id] })
        return (a ?? []).filter { !later.contains($0[keyPath: id]) } + (b ?? [])
    }
}
