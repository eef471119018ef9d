/// What a worker thread reports to its ``ParallelCodec``.
enum WorkerEvent<Output: Sendable>: Sendable {
    /// A job ran; here is its outcome, and when it finished (by the codec's
    /// clock: reports of batch jobs may reach the actor much later).
    case finished(JobID, Result<Output, ParallelCodecError>, at: Duration)
    /// The worker saw the hand-off closed and is exiting.
    case exited
}
