#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The size of a ``ParallelCodec``: its workers, its queue and how much of
/// its past it keeps.
public struct ParallelCodecOptions: Sendable, Hashable {
    /// Worker threads, and so the most jobs that run at once; at least 1.
    public var workers: Int
    /// The most jobs that wait for a worker; at least 1. Submissions beyond
    /// it wait or fail, as their ``QueueFullPolicy`` says.
    public var queueCapacity: Int
    /// How long a finished job's result stays available to
    /// ``ParallelCodec/result(_:)`` and ``ParallelCodec/status(_:)``.
    public var resultTimeToLive: Duration
    /// The most finished results kept at once; the oldest are dropped first.
    /// Together with ``resultTimeToLive`` it bounds the memory of a server
    /// whose clients never collect their results.
    public var maxRetainedResults: Int

    /// - Parameters:
    ///   - workers: worker threads; by default one per active processor.
    ///   - queueCapacity: jobs that may wait for a worker.
    ///   - resultTimeToLive: how long finished results are kept.
    ///   - maxRetainedResults: how many finished results are kept at most.
    public init(
        workers: Int = ParallelCodecOptions.activeProcessorCount, queueCapacity: Int = 1024,
        resultTimeToLive: Duration = .seconds(300), maxRetainedResults: Int = 10_000
    ) {
        self.workers = workers
        self.queueCapacity = queueCapacity
        self.resultTimeToLive = resultTimeToLive
        self.maxRetainedResults = maxRetainedResults
    }

    /// The processors currently online, the default number of workers: more
    /// workers than cores only adds switching, since every job is CPU work.
    public static var activeProcessorCount: Int {
        #if canImport(Glibc)
            max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
            max(1, sysconf(_SC_NPROCESSORS_ONLN))
        #endif
    }
}
