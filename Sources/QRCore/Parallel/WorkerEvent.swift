/// What a worker thread reports to its ``ParallelCodec``.
enum WorkerEvent<Output: Sendable>: Sendable {
    /// A job ran; here is its outcome.
    case finished(JobID, Result<Output, ParallelCodecError>)
    /// The worker saw the hand-off closed and is exiting.
    case exited
}
