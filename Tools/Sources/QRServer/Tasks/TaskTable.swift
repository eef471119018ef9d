import QRCore

/// The map from task identifiers to codec jobs, as a plain value with no
/// lock and no clock, so that its bookkeeping is tested without a server.
///
/// ``ParallelCodec`` keeps the jobs' results and expires them (by time to
/// live and by count); this table only remembers which random identifier
/// names which job. An entry whose job has expired is dropped when a client
/// asks for it, or by a sweep once the table has grown past
/// ``sweepThreshold``. The codec holds at most `queue + in flight + retained`
/// live jobs, so when the table holds twice that bound at least half of its
/// entries are stale, and a sweep (one status query per entry) costs at most
/// two queries per task registered since the last one.
struct TaskTable {
    private var entries: [TaskID: TaskEntry] = [:]
    /// The task of each `Idempotency-Key`, dropped with the task.
    private var keys: [String: TaskID] = [:]
    /// The size at which the next sweep is due.
    private(set) var sweepThreshold: Int
    private let minimumThreshold: Int

    /// - Parameter liveJobBound: the most jobs the codec can hold unexpired.
    init(liveJobBound: Int) {
        minimumThreshold = 2 * max(1, liveJobBound) + 1024
        sweepThreshold = minimumThreshold
    }

    var count: Int { entries.count }

    /// Adds a task for `entry` under a fresh random identifier, unless its
    /// idempotency key already names a task: then nothing is added.
    /// - Returns: the identifier (new, or the key's task), whether it is new,
    ///   and whether a sweep is now due.
    mutating func register(
        _ entry: TaskEntry, makeID: () -> TaskID = TaskID.random
    )
        -> (id: TaskID, isNew: Bool, sweepDue: Bool)
    {
        if let key = entry.idempotencyKey, let existing = keys[key] { return (existing, false, false) }
        var id = makeID()
        while entries[id] != nil { id = makeID() }  // 2^-128 per pair; cheap to rule out
        entries[id] = entry
        if let key = entry.idempotencyKey { keys[key] = id }
        return (id, true, entries.count >= sweepThreshold)
    }

    subscript(id: TaskID) -> TaskEntry? { entries[id] }

    /// The task an idempotency key names, if it is still known.
    func task(forKey key: String) -> TaskID? { keys[key] }

    /// Drops a task whose job the codec no longer knows.
    mutating func forget(_ id: TaskID) {
        guard let entry = entries.removeValue(forKey: id) else { return }
        if let key = entry.idempotencyKey { keys[key] = nil }
    }

    /// The entries to check in a sweep.
    func snapshot() -> [(id: TaskID, job: JobID)] {
        entries.map { ($0.key, $0.value.job) }
    }

    /// Ends a sweep: drops the stale tasks and sets the next threshold to
    /// twice what is left (never below the initial threshold), so that
    /// sweeps stay rare even if many tasks are live.
    mutating func finishSweep(removing stale: [TaskID]) {
        for id in stale { forget(id) }
        sweepThreshold = max(minimumThreshold, 2 * entries.count)
    }
}
