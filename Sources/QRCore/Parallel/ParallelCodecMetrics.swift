/// A snapshot of a ``ParallelCodec``'s load and history, for a monitoring
/// endpoint. Counts are since the codec was created; latencies and
/// throughput describe the last few thousand jobs that ran.
public struct ParallelCodecMetrics: Sendable, Hashable {
    /// Worker threads.
    public var workers: Int
    /// Workers running a job right now (never more than ``workers``).
    public var busyWorkers: Int
    /// Jobs waiting for a worker.
    public var queued: Int
    /// Jobs of ``QueueFullPolicy/wait`` submissions waiting for room in the queue.
    public var waitingSubmissions: Int
    /// Jobs that finished with a result.
    public var completed: Int
    /// Jobs that finished with an error of their own.
    public var failed: Int
    /// Jobs cancelled before they finished, and waiting submissions withdrawn.
    public var cancelled: Int
    /// Submissions refused: queue full under ``QueueFullPolicy/reject``, or shut down.
    public var rejected: Int
    /// Finished results dropped by the retention limits.
    public var expired: Int
    /// Finished results kept for ``ParallelCodec/result(_:)``.
    public var retained: Int
    /// Median time from submission to outcome; nil before any job ran.
    public var latencyP50: Duration?
    /// 99th percentile of the time from submission to outcome; nil before any job ran.
    public var latencyP99: Duration?
    /// Jobs finished per second over the recent window, falling while idle.
    public var throughput: Double

    /// Metrics with these values; ``ParallelCodec/metrics()`` makes them, tests and dashboards may too.
    public init(
        workers: Int, busyWorkers: Int, queued: Int, waitingSubmissions: Int, completed: Int, failed: Int,
        cancelled: Int, rejected: Int, expired: Int, retained: Int, latencyP50: Duration?,
        latencyP99: Duration?, throughput: Double
    ) {
        self.workers = workers
        self.busyWorkers = busyWorkers
        self.queued = queued
        self.waitingSubmissions = waitingSubmissions
        self.completed = completed
        self.failed = failed
        self.cancelled = cancelled
        self.rejected = rejected
        self.expired = expired
        self.retained = retained
        self.latencyP50 = latencyP50
        self.latencyP99 = latencyP99
        self.throughput = throughput
    }
}
