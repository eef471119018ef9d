/// A job as ``ParallelCodec`` hands it to its workers: the work, and whether
/// its outcome must reach the actor at once.
///
/// Waking the actor costs the worker a thread wake-up, and on a busy machine
/// often its core for a while: measured with qr-bench, a wake per 80 µs
/// encode cost a worker up to as much time again. A caller awaiting this one
/// job needs the wake; the jobs of a batch do not, since the batch's caller
/// waits for all of them, so their outcomes go in the next report.
struct PooledJob: Sendable {
    let job: CodecJob
    /// Whether someone may be waiting for this job's outcome alone.
    let reportsAtOnce: Bool
}
