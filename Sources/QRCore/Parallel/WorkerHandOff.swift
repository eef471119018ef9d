/// Where ``ParallelCodec`` leaves jobs for its worker threads, and where they
/// sleep until one comes.
///
/// A job here has been dispatched but not started: taking it is what starts
/// it, under the same lock as ``remove(_:)``, so a cancelled job is either
/// taken back here (and never runs) or already running — never both.
final class WorkerHandOff<Work: Sendable>: @unchecked Sendable {  // every var is touched only inside `lock.withLock`
    private let lock = ConditionLock()
    private var waiting = FIFOBuffer<JobDispatch<Work>>()
    private var busy = 0
    private var closed = false
    private var moreToCome = false
    private let lowWater: Int

    /// - Parameter lowWater: below this many waiting jobs, the hand-off
    ///   ``wantsReport`` if the ``actorHasMore``.
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
    /// - Parameters:
    ///   - finishedOne: whether the caller just finished a job, so that
    ///     ``busyCount`` counts it no more.
    ///   - beforeSleeping: run (outside the lock) when there is nothing to
    ///     take, before the caller sleeps.
    func take(afterFinishing finishedOne: Bool, beforeSleeping: () -> Void) -> JobDispatch<Work>? {
        let ready = lock.withLock { () -> JobDispatch<Work>?? in
            if finishedOne { busy -= 1 }
            return waiting.isEmpty && !closed ? .none : .some(startNext())
        }
        if let ready { return ready }
        beforeSleeping()
        return lock.withLock(whenReady: { !waiting.isEmpty || closed }) { startNext() }
    }

    /// The first waiting job, now counted busy; nil when none waits. - Note: lock held.
    private func startNext() -> JobDispatch<Work>? {
        guard let dispatch = waiting.popFirst() else { return nil }
        busy += 1
        return dispatch
    }

    /// Takes a job back if no worker has started it; returns whether it did.
    func remove(_ id: JobID) -> Bool {
        lock.withLock { waiting.removeFirst { $0.id == id } != nil }
    }

    /// Whether a job is still waiting for a worker.
    func contains(_ id: JobID) -> Bool {
        lock.withLock { waiting.contains { $0.id == id } }
    }

    /// Whether the actor holds jobs (queued, or parked for room) that it
    /// will hand over as room frees here: only then is running low worth a
    /// report. Set by the actor after each of its turns.
    var actorHasMore: Bool {
        get { lock.withLock { moreToCome } }
        set { lock.withLock { moreToCome = newValue } }
    }

    /// Whether a worker that just finished a job should wake the actor with
    /// its report so that it refills the hand-off: fewer than the low-water
    /// mark wait and the actor has more. (A worker that runs dry wakes it
    /// anyway, before sleeping.)
    var wantsReport: Bool {
        lock.withLock { moreToCome && waiting.count < lowWater }
    }

    /// Workers running a job.
    var busyCount: Int { lock.withLock { busy } }

    /// Lets the workers exit once the jobs left here are taken.
    func close() {
        lock.withLock { closed = true }
        lock.broadcast()
    }
}
