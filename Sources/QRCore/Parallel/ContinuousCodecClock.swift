/// The default ``ParallelCodecClock``: the monotonic `ContinuousClock`, so
/// that a change of the wall clock never expires results early or late.
public struct ContinuousCodecClock: ParallelCodecClock {
    private let origin: ContinuousClock.Instant

    public init() {
        origin = .now
    }

    public func now() -> Duration { origin.duration(to: .now) }
}
