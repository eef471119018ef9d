/// Carries ``WorkerEvent``s from the worker threads to the ``ParallelCodec``
/// actor: threads post without blocking on the actor, and the actor takes
/// everything that arrived since it last looked in one batch, so a busy
/// codec handles many results per turn. One consumer only.
final class WorkerEventInbox<Output: Sendable>: @unchecked Sendable { // `state` is touched only inside `lock.withLock`
    private struct State {
        var events: [WorkerEvent<Output>] = []
        var consumer: CheckedContinuation<[WorkerEvent<Output>]?, Never>?
        var finished = false

        /// The events waiting (emptied), `.some(nil)` when finished and empty,
        /// or nil when the consumer must wait.
        mutating func takeReady() -> [WorkerEvent<Output>]?? {
            if !events.isEmpty {
                defer { events = [] }
                return events
            }
            return finished ? .some(nil) : .none
        }
    }

    private static var maxBacklog: Int { 64 }
    private let lock = ConditionLock()
    private var state = State()

    /// Adds an event. Callable from any thread.
    /// - Parameter wake: whether to wake a waiting consumer now; otherwise
    ///   the event waits for the next post that does (or for a backlog of
    ///   ``maxBacklog`` events, which bounds how far the consumer lags).
    func post(_ event: WorkerEvent<Output>, wake: Bool) {
        let resume = lock.withLock { () -> (CheckedContinuation<[WorkerEvent<Output>]?, Never>, [WorkerEvent<Output>])? in
            state.events.append(event)
            guard wake || state.events.count >= Self.maxBacklog, let consumer = state.consumer else { return nil }
            state.consumer = nil
            defer { state.events = [] }
            return (consumer, state.events)
        }
        if let (consumer, events) = resume { consumer.resume(returning: events) }
    }

    /// Every event posted since the last call, waiting for one if there is
    /// none; nil once ``finish()`` was called and all were taken. Runs on
    /// the caller's actor, so that taking events costs no hop.
    func next(isolation: isolated (any Actor)? = #isolation) async -> [WorkerEvent<Output>]? {
        if let ready = lock.withLock({ state.takeReady() }) { return ready }
        return await withCheckedContinuation(isolation: isolation) { continuation in
            let ready = lock.withLock { () -> [WorkerEvent<Output>]?? in
                if let ready = state.takeReady() { return ready }
                state.consumer = continuation
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Ends the stream: ``next(isolation:)`` returns nil once the events left are taken.
    func finish() {
        let consumer = lock.withLock {
            state.finished = true
            defer { state.consumer = nil }
            return state.consumer  // a waiting consumer means no event is waiting
        }
        consumer?.resume(returning: nil)
    }
}
