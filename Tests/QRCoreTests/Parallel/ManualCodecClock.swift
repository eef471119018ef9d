import Foundation
@testable import QRCore

/// A ``ParallelCodecClock`` that moves only when the test says, so that
/// expiry and latencies are checked without sleeping.
final class ManualCodecClock: ParallelCodecClock, @unchecked Sendable { // `time` is touched only with `lock` held
    private let lock = NSLock()
    private var time = Duration.zero

    func now() -> Duration { lock.withLock { time } }

    func advance(by duration: Duration) {
        lock.withLock { time += duration }
    }
}
