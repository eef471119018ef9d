/// Where a job of a ``ParallelCodec`` stands.
///
/// A job moves from ``queued`` to ``running`` to one of the three outcomes,
/// or from ``queued`` straight to ``cancelled``; an outcome is kept for the
/// codec's retention period and then becomes ``expired``.
public enum JobStatus: String, Sendable, Hashable, CaseIterable {
    /// Waiting for a worker.
    case queued
    /// A worker is on it.
    case running
    /// Finished with a result; ``ParallelCodec/result(_:)`` returns it.
    case succeeded
    /// Finished with an error; ``ParallelCodec/result(_:)`` throws it.
    case failed
    /// Cancelled before it finished: it never ran, or its result was discarded.
    case cancelled
    /// Finished longer ago than the retention keeps results (or, for the
    /// conveniences that await their own jobs, handed over and forgotten).
    case expired
    /// Never issued by this codec.
    case unknown

    /// Whether the job has reached its final state.
    public var isTerminal: Bool {
        switch self {
        case .queued, .running: false
        case .succeeded, .failed, .cancelled, .expired, .unknown: true
        }
    }
}
