import NIOConcurrencyHelpers

/// The requests of this process waiting for tasks to finish
/// (`GET /result/{id}?wait=S`, synchronous jobs on a front end), woken by
/// the completion notifications that a ``NotificationListener`` receives.
final class CompletionWaiters: Sendable {
    private struct State {
        var next = 0
        var waiters: [TaskID: [Int: AsyncStream<Void>.Continuation]] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// Registers a waiter before the caller looks at the task, so that a
    /// completion between the look and the wait is not missed.
    func expect(_ id: TaskID) -> Expectation {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let token = state.withLockedValue { state in
            state.next += 1
            state.waiters[id, default: [:]][state.next] = continuation
            return state.next
        }
        return Expectation(id: id, token: token, stream: stream, waiters: self)
    }

    /// A notification: the task finished.
    func finished(_ id: TaskID) {
        let woken = state.withLockedValue { $0.waiters.removeValue(forKey: id) } ?? [:]
        for continuation in woken.values { continuation.yield() }
    }

    /// The listener reconnected: notifications may have been lost, so every
    /// waiter looks again.
    func wakeAll() {
        let all = state.withLockedValue { state in state.waiters.values.flatMap(\.values) }
        for continuation in all { continuation.yield() }
    }

    fileprivate func remove(_ id: TaskID, token: Int) {
        state.withLockedValue { state in
            state.waiters[id]?[token] = nil
            if state.waiters[id]?.isEmpty == true { state.waiters[id] = nil }
        }
    }

    var count: Int { state.withLockedValue { $0.waiters.values.reduce(0) { $0 + $1.count } } }

    /// One waiter's registration.
    struct Expectation: Sendable {
        let id: TaskID
        let token: Int
        let stream: AsyncStream<Void>
        let waiters: CompletionWaiters

        /// Returns on a notification (or a reconnection) or after `limit`.
        func wait(upTo limit: Duration) async {
            let stream = stream
            await withTaskGroup(of: Void.self) { group in
                group.addTask { for await _ in stream { return } }
                group.addTask { try? await Task.sleep(for: limit) }
                await group.next()
                group.cancelAll()
            }
        }

        func cancel() {
            waiters.remove(id, token: token)
        }
    }
}
