import QRCore
import Synchronization

/// The server's ``TaskTable``, shared by every request handler.
final class TaskRegistry: Sendable {
    private let table: Locked<TaskTable>
    private let sweeping = Atomic<Bool>(false)

    /// - Parameter liveJobBound: the most jobs the codec can hold unexpired.
    init(liveJobBound: Int) {
        table = Locked(TaskTable(liveJobBound: liveJobBound))
    }

    var count: Int { table.withLock { $0.count } }

    /// Registers a job under a new task identifier.
    /// - Returns: the identifier, and whether the caller should start a sweep.
    func register(_ entry: TaskEntry) -> (id: TaskID, sweepDue: Bool) {
        table.withLock { $0.register(entry) }
    }

    func entry(for id: TaskID) -> TaskEntry? {
        table.withLock { $0[id] }
    }

    func forget(_ id: TaskID) {
        table.withLock { $0.forget(id) }
    }

    /// Drops every task whose job has expired. At most one sweep runs at a
    /// time; a call while one runs returns at once.
    /// - Parameter status: the codec's status of a job.
    func sweep(status: (JobID) async -> JobStatus) async {
        guard sweeping.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        defer { sweeping.store(false, ordering: .releasing) }
        var stale: [TaskID] = []
        for (id, job) in table.withLock({ $0.snapshot() }) where await status(job) == .expired {
            stale.append(id)
        }
        table.withLock { $0.finishSweep(removing: stale) }
    }
}
