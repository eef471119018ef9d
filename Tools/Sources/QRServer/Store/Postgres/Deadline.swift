import NIOConcurrencyHelpers

/// Runs an operation with a time limit that holds even if the operation
/// does not notice cancellation (a statement on a connection whose peer has
/// gone silent): the caller gets ``DeadlineExceeded`` when the limit passes,
/// the operation is cancelled, and whatever it still does finishes in the
/// background. This is how every request to the PostgreSQL store is
/// answered within ``ServerOptions/storeTimeout``, never hangs.
enum Deadline {
    static func run<Value: Sendable>(
        within limit: Duration,
        _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = FirstOutcome(continuation)
            let work = Task {
                do {
                    outcome.deliver(.success(try await operation()))
                } catch {
                    outcome.deliver(.failure(error))
                }
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                if outcome.deliver(.failure(DeadlineExceeded(limit: limit))) { work.cancel() }
            }
            outcome.onDelivery { timer.cancel() }
        }
    }
}

/// The limit passed before the store answered.
struct DeadlineExceeded: Error, CustomStringConvertible {
    let limit: Duration
    var description: String { "no answer within \(limit)" }
}

/// Resumes a continuation once, with whichever outcome comes first.
private final class FirstOutcome<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, any Error>?
        var afterDelivery: (@Sendable () -> Void)?
    }

    private let state: NIOLockedValueBox<State>

    init(_ continuation: CheckedContinuation<Value, any Error>) {
        state = NIOLockedValueBox(State(continuation: continuation))
    }

    /// - Returns: whether this outcome was the first.
    @discardableResult
    func deliver(_ result: Result<Value, any Error>) -> Bool {
        let (continuation, afterDelivery) = state.withLockedValue { state in
            defer { state.continuation = nil; state.afterDelivery = nil }
            return (state.continuation, state.afterDelivery)
        }
        guard let continuation else { return false }
        continuation.resume(with: result)
        afterDelivery?()
        return true
    }

    /// Runs `action` after the first delivery (at once if it has happened).
    func onDelivery(_ action: @escaping @Sendable () -> Void) {
        let delivered = state.withLockedValue { state in
            guard state.continuation != nil else { return true }
            state.afterDelivery = action
            return false
        }
        if delivered { action() }
    }
}
