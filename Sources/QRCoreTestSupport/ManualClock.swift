import Foundation
import QRCore

/// A ``ParallelCodecClock`` that moves only when the test says, so that
/// expiry and latencies are checked without sleeping.
///
/// It guards its time with `NSLock`, not `Synchronization.Mutex`: on Linux a
/// contended Mutex is handed over inside the kernel, where ThreadSanitizer
/// cannot see it, and the server tests run under TSan in CI.
public final class ManualClock: ParallelCodecClock, @unchecked Sendable {  // safe: time only under lock
    // Safe to share: `time` is read and written only with `lock` held.
    private let lock = NSLock()
    private var time = Duration.zero

    /// A clock that reads zero until advanced.
    public init() {}

    /// The time since the clock was made, moved only by ``advance(by:)``.
    public func now() -> Duration { lock.withLock { time } }

    /// Moves the clock forward.
    public func advance(by duration: Duration) {
        lock.withLock { time += duration }
    }
}
