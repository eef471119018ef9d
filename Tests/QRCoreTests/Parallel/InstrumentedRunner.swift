import Foundation
import QRCoreTestSupport

@testable import QRCore

/// Runs a codec's jobs for real while counting them: how many run at once
/// (and the most ever), and how often each labelled job ran. Jobs labelled
/// `hold…` announce themselves on ``started`` and then wait at ``gate``.
final class InstrumentedRunner: @unchecked Sendable {  // `counts` is touched only with `lock` held
    private struct Counts {
        var running = 0
        var maxRunning = 0
        var runs: [String: Int] = [:]
    }

    let gate = WorkerGate()
    let started: AsyncStream<String>
    private let announce: AsyncStream<String>.Continuation
    private let lock = NSLock()
    private var counts = Counts()

    init() {
        (started, announce) = AsyncStream.makeStream(of: String.self)
    }

    /// A codec whose workers run jobs through this runner.
    func makeCodec(
        _ options: ParallelCodecOptions, clock: any ParallelCodecClock = ContinuousCodecClock()
    ) -> ParallelCodec {
        ParallelCodec(options: options, clock: clock, runner: run)
    }

    var maxRunning: Int { lock.withLock { counts.maxRunning } }
    var running: Int { lock.withLock { counts.running } }
    func runs(of label: String) -> Int { lock.withLock { counts.runs[label, default: 0] } }

    private func run(_ job: CodecJob) -> Result<CodecOutput, ParallelCodecError> {
        let label = job.label
        lock.withLock {
            counts.running += 1
            counts.maxRunning = max(counts.maxRunning, counts.running)
            counts.runs[label, default: 0] += 1
        }
        if label.hasPrefix("hold") {
            announce.yield(label)
            gate.pass()
        }
        let outcome = job.run()
        lock.withLock { counts.running -= 1 }
        return outcome
    }
}
