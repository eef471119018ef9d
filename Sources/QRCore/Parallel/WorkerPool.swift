/// The worker threads of a ``ParallelCodec`` and the two channels they
/// share with it: a ``WorkerHandOff`` for jobs in, a ``WorkerEventInbox``
/// for outcomes out.
///
/// A worker's loop is take, run, post, with no other synchronisation, so a
/// worker that finds the next job already handed off goes straight on to it.
/// An outcome wakes the actor only when someone waits for it alone, or when
/// the hand-off wants a refill (``WorkerHandOff/wantsReport``); otherwise it
/// waits in the inbox for a later report — at the latest the worker's flush
/// before it sleeps, or the inbox's backlog limit.
final class WorkerPool<Output: Sendable>: Sendable {
    let handOff: WorkerHandOff<PooledJob>
    let events = WorkerEventInbox<Output>()

    /// Starts `workers` threads that run jobs with `runner` until the hand-off is closed.
    /// - Parameter lowWater: with fewer jobs than this waiting (and more to
    ///   come), a finished job wakes the actor to refill the hand-off; it
    ///   should leave the workers enough to do while the actor's thread gets
    ///   scheduled.
    /// - Parameter clock: stamps each outcome with the time its job finished.
    init(
        workers: Int, lowWater: Int, clock: any ParallelCodecClock,
        runner: @escaping @Sendable (CodecJob) -> Result<Output, ParallelCodecError>
    ) {
        handOff = WorkerHandOff(lowWater: lowWater)
        for _ in 0..<workers {
            WorkerThread.start { [handOff, events, clock] in
                var finishedOne = false
                while let dispatch = handOff.take(afterFinishing: finishedOne, beforeSleeping: events.flush) {
                    let outcome = runner(dispatch.work.job)
                    let wake = dispatch.work.reportsAtOnce || handOff.wantsReport
                    events.post(.finished(dispatch.id, outcome, at: clock.now()), wake: wake)
                    finishedOne = true
                }
                events.post(.exited, wake: true)
            }
        }
    }
}
