/// The worker threads of a ``ParallelCodec`` and the two channels they
/// share with it: a ``WorkerHandOff`` for jobs in, a ``WorkerEventInbox``
/// for outcomes out.
///
/// A worker's loop is take, run, post, with no other synchronisation, so a
/// worker that finds the next job already handed off goes straight on to it.
/// An outcome wakes the actor only when someone waits for it alone, or when
/// the hand-off is running low and needs refilling; otherwise it waits in
/// the inbox for the next report.
final class WorkerPool<Output: Sendable>: Sendable {
    let handOff: WorkerHandOff<PooledJob>
    let events = WorkerEventInbox<Output>()

    /// Starts `workers` threads that run jobs with `runner` until the hand-off is closed.
    init(workers: Int, runner: @escaping @Sendable (CodecJob) -> Result<Output, ParallelCodecError>) {
        // Two jobs per worker still waiting when the actor is woken to refill
        // keep every worker busy while the actor's thread gets scheduled.
        handOff = WorkerHandOff(lowWater: 2 * workers)
        for _ in 0..<workers {
            WorkerThread.start { [handOff, events] in
                var finishedOne = false
                while let dispatch = handOff.take(afterFinishing: finishedOne) {
                    let outcome = runner(dispatch.work.job)
                    events.post(.finished(dispatch.id, outcome), wake: dispatch.work.reportsAtOnce || handOff.isLow)
                    finishedOne = true
                }
                events.post(.exited, wake: true)
            }
        }
    }
}
