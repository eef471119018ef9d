import QRCore
import Synchronization

/// A ``ParallelCodecClock`` that moves only when the test says, so that
/// result expiry is checked without waiting for it.
final class ManualClock: ParallelCodecClock {
    private let time = Mutex(Duration.zero)

    func now() -> Duration { time.withLock { $0 } }

    func advance(by duration: Duration) {
        time.withLock { $0 += duration }
    }
}
