/// Where ``ParallelCodec`` leaves jobs for its worker threads, and where they
/// sleep until one comes.
///
/// A job here has been dispatched but not started: taking it is what starts
/// it, under the same lock as ``remove(_:)``, so a cancelled job is either
/// taken back here (and never runs) or already running — never both.
final class WorkerHandOff<Work: Sendable>: @unchecked Sendable { // every var is touched only inside `lock.withLock`
    private let lock = ConditionLock()
    private var waiting = FIFOBuffer<JobDispatch<Work>>()
    private var busy = 0
    private var closed = false
    private var moreToCome = false
    private let lowWater: Int

    /// - Parameter lowWater: below this many waiting jobs, a hand-off with
    ///   ``expectMore(_:)`` set ``wantsReport``.
    init(lowWater: Int) {
        self.lowWater = lowWater
    }

    /// Leaves jobs for the workers, waking one sleeping worker per job.
    func push(_ dispatches: [JobDispatch<Work>]) {
        lock.withLock { waiting.append(contentsOf: dispatches) }
        for _ in dispatches { lock.signal() }
    }

    /// The next job, sleeping while there is none; nil once closed and empty.
    /// Called by worker threads only: it blocks.
    /// - Parameter finishedOne: whether the caller just finished a job, so
    ///   that ``busyCount`` counts it no more.
    func take(afterFinishing finishedOne: Bool) -> JobDispatch<Work>? {
        if finishedOne { lock.withLock { busy -= 1 } }
        return lock.withLock(whenReady: { !waiting.isEmpty || closed }) {
            guard let dispatch = waiting.popFirst() else { return nil }
            busy += 1
            return dispatch
        }
    }

    /// Takes a job back if no worker has started it; returns whether it did.
    func remove(_ id: JobID) -> Bool {
        lock.withLock { waiting.removeFirst { $0.id == id } != nil }
    }

    /// Whether a job is still waiting for a worker.
    func contains(_ id: JobID) -> Bool {
        lock.withLock { waiting.contains { $0.id == id } }
    }

    /// Tells the workers whether the actor holds jobs it will hand over as
    /// room frees (queued or parked ones), so that running low is worth a report.
    func expectMore(_ more: Bool) {
        lock.withLock { moreToCome = more }
    }

    /// Whether a worker that just finished a job should wake the actor with
    /// its report: the hand-off runs low while the actor has more to hand
    /// over, or it has run dry (so that a batch's last outcomes arrive at
    /// once). Otherwise reports wait, and the actor is woken once per refill.
    var wantsReport: Bool {
        lock.withLock { waiting.isEmpty || (moreToCome && waiting.count < lowWater) }
    }

    /// Workers running a job.
    var busyCount: Int { lock.withLock { busy } }

    /// Lets the workers exit once the jobs left here are taken.
    func close() {
        lock.withLock { closed = true }
        lock.broadcast()
    }
}
