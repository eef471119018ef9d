import NIOConcurrencyHelpers
import QRCore

/// The bytes the server may hold for its clients at once: request bodies
/// being read, jobs queued in memory and results kept for `GET /result`,
/// all against one limit (`--max-queued-bytes`).
///
/// Without it, memory grows with what clients send: 300 concurrent 9 MB
/// uploads made the process 3.2 GB, and a full 1,024-job queue of 16 MiB
/// bodies would need 16 GiB. A request that does not fit is refused with
/// 503 before its body is read, so the process stays within the budget plus
/// a fixed overhead (workers' decoding buffers, the event loops' reads).
///
/// Results are counted until their time to live ends: the time to live is
/// the same for every result, so they expire in the order they were kept,
/// and a queue in that order is enough to give their bytes back.
final class ByteBudget: Sendable {
    struct State {
        var used = 0
        /// Kept results, oldest first: bytes and when they expire.
        var retained: [(bytes: Int, expiry: Duration)] = []
        var retainedStart = 0
        var refusals = 0
    }

    let limit: Int
    private let clock: any ParallelCodecClock
    private let state = NIOLockedValueBox(State())

    /// - Parameters:
    ///   - limit: the budget in bytes.
    ///   - clock: the clock of the results' expiry (the codec's).
    init(limit: Int, clock: any ParallelCodecClock = ContinuousCodecClock()) {
        self.limit = limit
        self.clock = clock
    }

    /// The budget's time now, for ``retain(_:until:)``.
    var now: Duration { clock.now() }

    /// Bytes held now (after giving back those of expired results).
    var used: Int {
        state.withLockedValue { state in
            Self.releaseExpired(&state, now: clock.now())
            return state.used
        }
    }

    /// Requests refused because their body did not fit.
    var refusals: Int { state.withLockedValue { $0.refusals } }

    /// Whether `bytes` more would fit now, without taking them.
    func wouldFit(_ bytes: Int) -> Bool {
        state.withLockedValue { state in
            Self.releaseExpired(&state, now: clock.now())
            return bytes <= limit - state.used
        }
    }

    /// Takes `bytes` if they fit; counts a refusal if not.
    func reserve(_ bytes: Int) -> Bool {
        state.withLockedValue { state in
            Self.releaseExpired(&state, now: clock.now())
            guard bytes <= limit - state.used else {
                state.refusals += 1
                return false
            }
            state.used += bytes
            return true
        }
    }

    /// Takes `bytes` whether or not they fit: for a job whose body was
    /// already admitted, so that the job is counted before the body's
    /// reservation is given back.
    func take(_ bytes: Int) {
        state.withLockedValue { $0.used += bytes }
    }

    func release(_ bytes: Int) {
        state.withLockedValue { $0.used -= bytes }
    }

    /// Counts a finished result until `expiry`.
    func retain(_ bytes: Int, until expiry: Duration) {
        state.withLockedValue { state in
            state.used += bytes
            state.retained.append((bytes, expiry))
        }
    }

    private static func releaseExpired(_ state: inout State, now: Duration) {
        while state.retainedStart < state.retained.count, state.retained[state.retainedStart].expiry <= now {
            state.used -= state.retained[state.retainedStart].bytes
            state.retainedStart += 1
        }
        // Compact once the expired prefix is most of the array, so that it stays amortised O(1).
        if state.retainedStart > 1024, state.retainedStart * 2 > state.retained.count {
            state.retained.removeFirst(state.retainedStart)
            state.retainedStart = 0
        }
    }
}
