import NIOConcurrencyHelpers
import QRCore
import Synchronization

/// The server's ``TaskTable``, shared by every request handler.
final class TaskRegistry: Sendable {
    private let table: NIOLockedValueBox<TaskTable>
    private let sweeping = Atomic<Bool>(false)

    /// - Parameter liveJobBound: the most jobs the codec can hold unexpired.
    init(liveJobBound: Int) {
        table = NIOLockedValueBox(TaskTable(liveJobBound: liveJobBound))
    }

    var count: Int { table.withLockedValue { $0.count } }

    /// Registers a job under a new task identifier, or finds the task its
    /// idempotency key already names.
    /// - Returns: the identifier, whether it is new, and whether the caller
    ///   should start a sweep.
    func register(_ entry: TaskEntry) -> (id: TaskID, isNew: Bool, sweepDue: Bool) {
        table.withLockedValue { $0.register(entry) }
    }

    /// The task an idempotency key names, with its entry.
    func task(forKey key: String) -> (TaskID, TaskEntry)? {
        table.withLockedValue { table in
            table.task(forKey: key).flatMap { id in table[id].map { (id, $0) } }
        }
    }

    func entry(for id: TaskID) -> TaskEntry? {
        table.withLockedValue { $0[id] }
    }

    func forget(_ id: TaskID) {
        table.withLockedValue { $0.forget(id) }
    }

    /// Drops every task whose job has expired. At most one sweep runs at a
    /// time; a call while one runs returns at once.
    /// - Parameter status: the codec's status of a job.
    func sweep(status: (JobID) async -> JobStatus) async {
        guard sweeping.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        defer { sweeping.store(false, ordering: .releasing) }
        var stale: [TaskID] = []
        for (id, job) in table.withLockedValue({ $0.snapshot() }) where await status(job) == .expired {
            stale.append(id)
        }
        table.withLockedValue { $0.finishSweep(removing: stale) }
    }
}
