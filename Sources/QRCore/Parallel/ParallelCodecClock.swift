/// The time source of a ``ParallelCodec``: when jobs were submitted and
/// finished, for latencies, throughput and the expiry of kept results.
///
/// Injected so that tests can move time by hand and check expiry without
/// sleeping; ``ContinuousCodecClock`` is the real one.
public protocol ParallelCodecClock: Sendable {
    /// The time since an origin of the clock's choosing. It must never
    /// decrease, and is read from any thread.
    func now() -> Duration
}
