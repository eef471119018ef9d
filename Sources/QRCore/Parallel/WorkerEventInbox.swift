/// Carries ``WorkerEvent``s from the worker threads to the ``ParallelCodec``
/// actor: threads post without blocking on the actor, and the actor takes
/// everything that arrived since it last looked in one batch, so a busy
/// codec handles many results per turn. One consumer only.
final class WorkerEventInbox<Output: Sendable>: @unchecked Sendable {  // `state` is touched only inside `lock.withLock`
    private typealias Consumer = CheckedContinuation<[WorkerEvent<Output>]?, Never>

    private struct State {
        var events: [WorkerEvent<Output>] = []
        var consumer: Consumer?
        var finished = false

        /// The waiting consumer and the events for it (emptied), if it waits.
        mutating func takeForWaitingConsumer() -> (Consumer, [WorkerEvent<Output>])? {
            guard let waiting = consumer else { return nil }
            consumer = nil
            defer { events = [] }
            return (waiting, events)
        }

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
    ///   the event waits for the next post that does, for a backlog of
    ///   ``maxBacklog`` events (which bounds how far the consumer lags), or
    ///   for ``flush()``.
    func post(_ event: WorkerEvent<Output>, wake: Bool) {
        let handOver = lock.withLock {
            state.events.append(event)
            return wake || state.events.count >= Self.maxBacklog ? state.takeForWaitingConsumer() : nil
        }
        if let (consumer, events) = handOver { consumer.resume(returning: events) }
    }

    /// Wakes a waiting consumer if events wait for it. A worker calls this
    /// before it sleeps, so that an event it posted without waking is never
    /// left unseen: which post is a worker's last is only known then.
    func flush() {
        let handOver = lock.withLock { state.events.isEmpty ? nil : state.takeForWaitingConsumer() }
        if let (consumer, events) = handOver { consumer.resume(returning: events) }
    }

    /// Whether the consumer is suspended in ``next(isolation:)``, waiting
    /// for a post that wakes it (tests check the hand-over protocol with it).
    var consumerIsWaiting: Bool { lock.withLock { state.consumer != nil } }

    /// The events waiting, without waiting for any: for the consumer to
    /// catch up between turns.
    func takeWaiting() -> [WorkerEvent<Output>] {
        lock.withLock {
            defer { state.events = [] }
            return state.events
        }
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
