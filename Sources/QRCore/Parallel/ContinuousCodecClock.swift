/// The default ``ParallelCodecClock``: the monotonic `ContinuousClock`, so
/// that a change of the wall clock never expires results early or late.
public struct ContinuousCodecClock: ParallelCodecClock {
    private let origin: ContinuousClock.Instant

    /// A clock that starts at zero now.
    public init() {
        origin = .now
    }

    /// The time since the clock was made.
    public func now() -> Duration { origin.duration(to: .now) }
}
